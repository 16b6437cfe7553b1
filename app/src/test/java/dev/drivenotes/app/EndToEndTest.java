package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.json.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** A real two-episode experiment through all four services over HTTP, events and artifacts. */
class EndToEndTest {

    @TempDir
    static Path data;

    private static Suite suite;
    private static final LocalApi api = new LocalApi();

    @BeforeAll
    static void startSuite() {
        suite = Suite.start(new Suite.Settings(0, data, false));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void runsATwoEpisodeExperimentAndScoresItsNotes() throws Exception {
        Path out = data.resolve("runs");
        ExperimentConfig config = ExperimentConfigBuilder.experiment("e2e")
                .agent("autopilot")
                .episodes(2)
                .seed(11L)
                .maxSteps(6000)
                .build();

        int exit = new RunCommand.ExperimentRun(api, suite, System.out, java.time.Duration.ofMinutes(10), out)
                .run(config, System.nanoTime());

        assertThat(exit).isZero();
        Path dir;
        try (var dirs = Files.list(out)) {
            dir = dirs.findFirst().orElseThrow();
        }
        JsonNode report = Json.mapper().readTree(dir.resolve("report.json").toFile());
        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("agent").asString()).isEqualTo("autopilot");
        assertThat(report.get("episodes").size()).isEqualTo(2);
        assertThat(report.get("notes").size()).isGreaterThanOrEqualTo(4);
        JsonNode metrics = report.get("metrics");
        assertThat(metrics.get("routeCompletion").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(metrics.get("actionAccuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
        for (String key :
                new String[] {"locationAccuracy", "destinationAccuracy", "validationRate", "meanConfidence"}) {
            assertThat(metrics.get(key).asDouble()).as(key).isBetween(0.0, 1.0);
        }
        for (JsonNode note : report.get("notes")) {
            String sentence = switch (note.get("kind").asString()) {
                case "POI" -> "At %s, did %s, having reached %s";
                case "REROUTE" -> "At %s, rerouted after %s to reach %s";
                default -> "At %s, did %s to reach %s";
            };
            assertThat(note.get("text").asString())
                    .isEqualTo(sentence.formatted(
                            note.get("place").asString(),
                            note.get("action").asString(),
                            note.get("nextPoi").asString()));
            assertThat(note.get("truth").has("place")).isTrue();
            assertThat(note.get("correct").has("location")).isTrue();
        }
        // dreamer-service named the model that answered; the runner, orchestrator and reporter kept it
        assertThat(report.get("modelVersions").values())
                .extracting(JsonNode::asString)
                .containsExactly("autopilot:rule");
        for (JsonNode episode : report.get("episodes")) {
            assertThat(episode.get("modelVersions").values())
                    .extracting(JsonNode::asString)
                    .containsExactly("autopilot:rule");
        }
        assertThat(Files.readString(dir.resolve("report.html")))
                .contains("<html")
                .contains("At ")
                .contains("<dt>model version</dt><dd>autopilot:rule</dd>");

        // the orchestrator's view points at the report the reporter published
        String id = report.get("experimentId").asString();
        JsonNode view =
                api.get(suite.orchestrator().resolve("/v1/experiments/" + id)).body();
        assertThat(view.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(view.get("episodesCompleted").asInt()).isEqualTo(2);
        assertThat(view.get("reportUri").asString()).endsWith("report.json");
    }

    /**
     * The same seed drives the same trajectories and writes the same notes as the fingerprint in
     * {@code src/test/resources/golden/}, recorded before the modules were restructured (dreamer-model,
     * map layers, one constructor per contract record). A change meant to alter what is driven or noted
     * re-records it with {@code -Ddrivenotes.golden.update=true} and says why in its commit.
     */
    @ParameterizedTest
    @CsvSource({"autopilot, default-town, 2", "dreamer, default-town, 2", "autopilot, Town01, 1"})
    void sameSeedGivesTheRecordedTrajectoriesAndNotes(String agent, String mapName, int episodes) throws Exception {
        String map = mapName;
        if (!mapName.equals(ExperimentConfig.DEFAULT_MAP)) {
            Path file = Path.of("../../shared/maps/" + mapName + ".xodr").toAbsolutePath();
            assumeTrue(Files.isRegularFile(file), "../shared/maps absent (a user's clone has no ../shared): skipping");
            map = file.normalize().toString();
        }
        String name = "golden-" + agent + "-" + mapName;
        Path out = data.resolve(name);
        ExperimentConfig config = ExperimentConfigBuilder.experiment(name)
                .map(map)
                .agent(agent)
                .episodes(episodes)
                .seed(11L)
                .maxSteps(3000)
                .build();
        int exit = new RunCommand.ExperimentRun(
                        api, suite, new PrintStream(new ByteArrayOutputStream()), Duration.ofMinutes(10), out)
                .run(config, System.nanoTime());
        assertThat(exit).isZero();
        Path dir;
        try (var dirs = Files.list(out)) {
            dir = dirs.findFirst().orElseThrow();
        }
        JsonNode report = Json.mapper().readTree(dir.resolve("report.json").toFile());
        List<String> actual = DriveFingerprint.of(data.resolve("artifacts"), report);

        Path golden = Path.of("src/test/resources/golden/seed11-" + agent + "-" + mapName + ".txt");
        if (Boolean.getBoolean("drivenotes.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, actual);
        }
        assertThat(actual)
                .as("fingerprint of %s, seed 11 (see %s)", agent, golden)
                .containsExactlyElementsOf(Files.readAllLines(golden));
    }

    /** Our meters, by the service that exports them, as Prometheus names them. */
    private static final Map<String, List<String>> METERS = Map.of(
            "orchestrator",
            List.of(
                    "drivenotes_experiments_total{application=\"orchestrator\",status=\"COMPLETED\"} 1",
                    "drivenotes_experiments_total{application=\"orchestrator\",status=\"FAILED\"} 0",
                    "drivenotes_episodes_total{",
                    "drivenotes_events_published_total{",
                    "drivenotes_events_delivered_total{",
                    "drivenotes_events_redelivered_total{",
                    "drivenotes_events_dead_letters_total{",
                    "resilience4j_circuitbreaker_state{",
                    "resilience4j_retry_calls_total{",
                    "resilience4j_bulkhead_available_concurrent_calls{"),
            "carla-runner",
            List.of(
                    "drivenotes_simulation_steps_total{",
                    "drivenotes_simulation_step_latency_seconds_bucket{",
                    "drivenotes_closedloop_tick_seconds_bucket{",
                    "drivenotes_events_published_total{",
                    "resilience4j_circuitbreaker_state{",
                    "resilience4j_retry_calls_total{"),
            "dreamer-service",
            List.of("drivenotes_predict_latency_seconds_bucket{", "drivenotes_predict_batch_size_count{"),
            "reporter",
            List.of(
                    "drivenotes_notes_accuracy{",
                    "drivenotes_notes_location_error_meters{",
                    "drivenotes_events_published_total{",
                    "drivenotes_events_delivered_total{",
                    "drivenotes_events_redelivered_total{",
                    "drivenotes_events_dead_letters_total{"));

    @Test
    void everyServiceExportsItsMetricsForPrometheusAfterAnExperiment() throws Exception {
        // a suite of its own: the counts below are this experiment's alone
        Path own = data.resolve("metrics");
        try (Suite metered = Suite.start(new Suite.Settings(0, own, false))) {
            // long enough to cross a junction: an experiment without notes has no localisation error
            ExperimentConfig config = ExperimentConfigBuilder.experiment("metrics")
                    .agent("autopilot")
                    .episodes(1)
                    .seed(7L)
                    .maxSteps(1500)
                    .build();
            int exit = new RunCommand.ExperimentRun(
                            api, metered, new PrintStream(new ByteArrayOutputStream()), Duration.ofMinutes(10), own)
                    .run(config, System.nanoTime());
            assertThat(exit).isZero();

            StringBuilder all = new StringBuilder();
            for (var service : METERS.entrySet()) {
                URI prometheus = metered.urls().get(service.getKey()).resolve("/actuator/prometheus");
                String scraped = scrapeUntil(prometheus, service.getValue());
                assertThat(scraped)
                        .as("%s's /actuator/prometheus", service.getKey())
                        .contains(service.getValue())
                        .contains("jvm_memory_used_bytes{")
                        .contains("http_server_requests_seconds_count{");
                all.append(scraped);
            }

            // the dashboards and alerts query only series the services export, and show the same panels
            Set<String> grafana = queries(Path.of("../deploy/grafana/dashboards/drivenotes.json"), "expr");
            Set<String> cloudMonitoring =
                    queries(Path.of("../terraform/dashboards/drivenotes.json"), "prometheusQuery");
            assertThat(grafana).isNotEmpty().isEqualTo(cloudMonitoring);
            String alerts = Files.readString(Path.of("../terraform/monitoring.tf"));
            for (String query : Set.of(String.join("\n", grafana), alerts)) {
                Matcher names = METRIC_NAME.matcher(query);
                while (names.find()) {
                    assertThat(all).as("series %s", names.group()).contains(names.group() + "{");
                }
            }
        }
    }

    private static final Pattern METRIC_NAME =
            Pattern.compile("\\b(drivenotes_[a-z_]+|http_server_[a-z_]+|jvm_[a-z_]+)\\b");

    /** Every string under {@code key} in a dashboard's JSON: its queries. */
    private static Set<String> queries(Path dashboard, String key) {
        return Json.mapper().readTree(dashboard.toFile()).findValues(key).stream()
                .map(JsonNode::asString)
                .collect(Collectors.toSet());
    }

    @Test
    void oneExperimentIsOneTraceAcrossItsEventsAndTheJsonLogsOfAllFourServices() throws Exception {
        Path out = data.resolve("traced");
        ExperimentConfig config = ExperimentConfigBuilder.experiment("traced")
                .agent("autopilot")
                .episodes(1)
                .seed(5L)
                .maxSteps(200)
                .build();
        int exit = new RunCommand.ExperimentRun(
                        api, suite, new PrintStream(new ByteArrayOutputStream()), Duration.ofMinutes(10), out)
                .run(config, System.nanoTime());
        assertThat(exit).isZero();
        String id;
        try (var dirs = Files.list(out)) {
            id = dirs.findFirst().orElseThrow().getFileName().toString();
        }

        // started by the request, carried by the work items to the runner, announced by it and the
        // reporter: one trace id
        Map<String, String> traceByType = new TreeMap<>();
        try (var segments = Files.list(data.resolve("events").resolve("log"))) {
            for (Path segment : segments.toList()) {
                for (String line : Files.readAllLines(segment)) {
                    JsonNode event = Json.mapper().readTree(line).get("event");
                    if (event.get("experimentId").asString().equals(id)) {
                        // traceparent: version-traceId-spanId-flags
                        String traceparent = event.path("traceparent").asString("");
                        traceByType.put(
                                event.get("type").asString(),
                                traceparent.isEmpty() ? "none" : traceparent.split("-")[1]);
                    }
                }
            }
        }
        // RunnerProgress is best effort: announced only when the drive lasts long enough
        assertThat(traceByType)
                .containsKeys(
                        "ExperimentStarted",
                        "EpisodeRequested",
                        "EpisodeCompleted",
                        "ExperimentCompleted",
                        "ReportPublished");
        assertThat(traceByType.keySet())
                .isSubsetOf(
                        "ExperimentStarted",
                        "EpisodeRequested",
                        "EpisodeCompleted",
                        "RunnerProgress",
                        "ExperimentCompleted",
                        "ReportPublished");
        assertThat(Set.copyOf(traceByType.values())).hasSize(1).allMatch(t -> t.matches("[0-9a-f]{32}"));

        // each service logged, as JSON lines in DATA/logs/<service>.json, under that trace
        String traceId = traceByType.get("ExperimentStarted");
        for (String service : List.of("orchestrator", "carla-runner", "dreamer-service", "reporter")) {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(data.resolve("logs").resolve(service + ".json"))) {
                lines.add(Json.mapper().readTree(line));
            }
            assertThat(lines)
                    .as("%s.json", service)
                    .isNotEmpty()
                    .allSatisfy(
                            line -> assertThat(line.path("service").asString()).isEqualTo(service))
                    .anySatisfy(line -> {
                        assertThat(line.path("traceId").asString()).isEqualTo(traceId);
                        assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
                        assertThat(line.path("message").asString()).isNotBlank();
                    });
        }
    }

    @ParameterizedTest
    @CsvSource({
        "orchestrator, /v1/experiments",
        "carla-runner, /v1/simulations",
        "dreamer-service, /v1/predict",
        "reporter, /v1/experiments/{experimentId}/notes"
    })
    void everyServicePublishesAValidOpenApi3DocumentWithExamplesAndProblemTypes(String service, String endpoint) {
        URI base = suite.urls().get(service);
        String json = new String(api.getBytes(base.resolve("/v3/api-docs")), StandardCharsets.UTF_8);

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json);

        assertThat(parsed.getMessages()).as("%s's /v3/api-docs", service).isEmpty();
        OpenAPI openApi = parsed.getOpenAPI();
        assertThat(openApi.getOpenapi()).startsWith("3.");
        assertThat(openApi.getInfo().getTitle()).isEqualTo("DriveNotes " + service);
        assertThat(openApi.getPaths()).containsKey(endpoint);
        assertThat(openApi.getComponents().getSchemas()).containsKey("Problem");
        List<Operation> operations = openApi.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .toList();
        assertThat(operations)
                .isNotEmpty()
                .allSatisfy(operation -> assertThat(operation.getResponses())
                        .hasEntrySatisfying(
                                "400", r -> assertThat(r.getContent()).containsKey("application/problem+json"))
                        .hasEntrySatisfying(
                                "500", r -> assertThat(r.getContent()).containsKey("application/problem+json")));
        assertThat(operations)
                .filteredOn(operation -> operation.getRequestBody() != null)
                .allSatisfy(operation -> assertThat(
                                operation.getRequestBody().getContent().values())
                        .allSatisfy(media -> assertThat(media.getExamples()).isNotEmpty()));
        // every JSON request body may also be CBOR
        assertThat(operations)
                .filteredOn(operation -> operation.getRequestBody() != null
                        && operation.getRequestBody().getContent().containsKey("application/json"))
                .allSatisfy(operation ->
                        assertThat(operation.getRequestBody().getContent()).containsKey("application/cbor"));
        // Swagger UI is served from the jar
        assertThat(new String(api.getBytes(base.resolve("/swagger-ui/index.html")), StandardCharsets.UTF_8))
                .contains("swagger-ui");
    }

    /** The scrape once it shows every one of {@code expected} (the last events land a moment after the report). */
    private static String scrapeUntil(URI prometheus, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String scraped = new String(api.getBytes(prometheus), StandardCharsets.UTF_8);
        while (!expected.stream().allMatch(scraped::contains) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            scraped = new String(api.getBytes(prometheus), StandardCharsets.UTF_8);
        }
        return scraped;
    }

    @Test
    void servicesListenWhereTheLauncherToldThemNotOnTheirDefaultPorts() {
        // port base 0 asks for free ports: no service may fall back to its properties file's port
        assertThat(suite.urls().values())
                .hasSize(4)
                .allSatisfy(url -> assertThat(url.getPort()).isNotIn(8080, 8081, 8082, 8083));
    }

    @Test
    void rejectsAnInvalidConfigWithProblemDetailsNamingTheField() {
        assertThatThrownBy(() ->
                        api.post(suite.orchestrator().resolve("/v1/experiments"), Map.of("name", "x", "episodes", 0)))
                .isInstanceOfSatisfying(LocalApi.ApiException.class, e -> {
                    assertThat(e.status).isEqualTo(400);
                    assertThat(e.field).isEqualTo("episodes");
                });
    }

    @Test
    void rejectsAMapThatIsNotOpenDrive() throws Exception {
        Path notAMap = Files.writeString(data.resolve("notes.txt"), "just text");
        assertThatThrownBy(() -> api.post(
                        suite.orchestrator().resolve("/v1/experiments"),
                        Map.of("name", "x", "episodes", 1, "map", notAMap.toString())))
                .isInstanceOfSatisfying(LocalApi.ApiException.class, e -> {
                    assertThat(e.status).isEqualTo(400);
                    assertThat(e.field).isEqualTo("map");
                });
    }

    @Test
    void answers404ForAnUnknownExperiment() {
        assertThatThrownBy(() -> api.get(suite.orchestrator().resolve("/v1/experiments/exp-nope")))
                .isInstanceOfSatisfying(
                        LocalApi.ApiException.class, e -> assertThat(e.status).isEqualTo(404));
    }
}

package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.platform.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        ExperimentConfig config = new ExperimentConfig(
                "e2e", null, "autopilot", 2, 11L, null, null, 6000, null, null, null, null, null, null, null, null);

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
        assertThat(Files.readString(dir.resolve("report.html")))
                .contains("<html")
                .contains("At ");

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
        ExperimentConfig config = new ExperimentConfig(
                name, map, agent, episodes, 11L, null, null, 3000, null, null, null, null, null, null, null, null);
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

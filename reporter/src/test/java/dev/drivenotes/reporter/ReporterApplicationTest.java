package dev.drivenotes.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.BigQuery;
import com.sun.net.httpserver.HttpServer;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ExperimentStarted;
import dev.drivenotes.model.event.ReportPublished;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.port.EventSubscriber;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.events.InProcessEventBus;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.platform.json.TrajectoryCodec;
import dev.drivenotes.reporter.store.DuckDbMetricsSink;
import dev.drivenotes.reporter.store.ExperimentRecord;
import dev.drivenotes.reporter.store.MetricsSink;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The reporter as it starts locally: its own config, the local adapters, and one experiment handled
 * end to end from the event bus to DuckDB and the HTTP API (carla-runner's place directory is a
 * stand-in on loopback). One context serves every test.
 */
class ReporterApplicationTest {

    private static final ExperimentConfig CONFIG =
            ExperimentConfigBuilder.experiment("wired").episodes(1).build();

    @TempDir
    static Path dir;

    private static HttpServer carlaRunner;
    private static ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        byte[] places = Json.mapper().writeValueAsBytes(Fixtures.TOWN);
        carlaRunner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        carlaRunner.createContext("/v1/maps/places", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, places.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(places);
            }
        });
        carlaRunner.start();
        context = ReporterApplication.builder()
                .run(
                        "--drivenotes.data-dir=" + dir,
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--drivenotes.services.carla-runner=http://127.0.0.1:"
                                + carlaRunner.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        context.close();
        carlaRunner.stop(0);
    }

    @Test
    void startsLocallyWithItsOwnConfigAndTheLocalAdapters() {
        assertThat(context.getEnvironment().getProperty("spring.application.name"))
                .isEqualTo("reporter");
        assertThat(ownConfigProperty("server.port")).isEqualTo("8083");
        assertThat(context.getBean(MetricsSink.class)).isInstanceOf(DuckDbMetricsSink.class);
        assertThat(context.getBean(ArtifactStore.class)).isInstanceOf(LocalFolderArtifactStore.class);
        assertThat(context.getBean(EventPublisher.class))
                .isInstanceOf(InProcessEventBus.class)
                .isSameAs(context.getBean(EventSubscriber.class));
        assertThat(context.getBeanNamesForType(BigQuery.class)).isEmpty();
        assertThat(Files.exists(dir.resolve("reporter/drivenotes.duckdb"))).isTrue();
    }

    @Test
    void turnsAnExperimentsEventsIntoStoredNotesAReportAndApiAnswers() throws Exception {
        InProcessEventBus bus = context.getBean(InProcessEventBus.class);
        List<EventEnvelope> announced = new CopyOnWriteArrayList<>();
        bus.subscribe("test-watch", announced::add);
        ArtifactStore artifacts = context.getBean(ArtifactStore.class);
        EpisodeSummary summary = Fixtures.summary("w1-e0", 0, Termination.REACHED_DESTINATION);
        URI trajectory = artifacts.put(
                ArtifactKeys.trajectory("w1", "w1-e0"),
                TrajectoryCodec.encode(Fixtures.leftTurn(Maneuver.GO_STRAIGHT, null)),
                TrajectoryCodec.CONTENT_TYPE);
        Instant t0 = Instant.now();

        bus.publish(EventEnvelope.wrap(new ExperimentStarted("w1", CONFIG), t0));
        bus.publish(EventEnvelope.wrap(
                new EpisodeCompleted("w1", "default-town", trajectory.toString(), summary, null), t0));
        bus.publish(EventEnvelope.wrap(new ExperimentCompleted("w1", CONFIG, List.of(summary), List.of()), t0));
        assertThat(bus.awaitIdle(Duration.ofSeconds(30))).isTrue();
        awaitReportPublished(announced);

        assertThat(bus.deadLetters()).isEmpty();
        assertThat(context.getBean(MetricsSink.class).experiment("w1"))
                .map(ExperimentRecord::status)
                .hasValue(ExperimentStatus.COMPLETED);
        assertThat(announced)
                .extracting(EventEnvelope::payload)
                .filteredOn(ReportPublished.class::isInstance)
                .singleElement()
                .satisfies(p -> assertThat(((ReportPublished) p).jsonUri())
                        .isEqualTo(
                                artifacts.uriOf(ArtifactKeys.reportJson("w1")).toString()));

        String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> report = get(base + "/v1/reports/w1/report.json");
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode json = Json.mapper().readTree(report.body());
        assertThat(json.get("metrics").get("noteCount").asInt()).isEqualTo(3);
        assertThat(json.get("notes").get(1).get("text").asString())
                .isEqualTo("At Main & Oak, did go_straight to reach Museum");

        HttpResponse<String> notes = get(base + "/v1/experiments/w1/notes");
        assertThat(notes.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(notes.body()).get("noteCount").asInt())
                .isEqualTo(3);

        HttpResponse<String> unknown = get(base + "/v1/experiments/w-none/notes");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Json.mapper().readTree(unknown.body()).get("resource").asString())
                .isEqualTo("experiment");

        HttpResponse<String> health = get(base + "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode healthJson = Json.mapper().readTree(health.body());
        assertThat(healthJson.get("status").asString()).isEqualTo("UP");
        assertThat(healthJson
                        .at("/components/eventSubscriptions/components/reporter/status")
                        .asString())
                .as("one health indicator per subscription")
                .isEqualTo("UP");
    }

    private static void awaitReportPublished(List<EventEnvelope> announced) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (announced.stream().noneMatch(e -> e.payload() instanceof ReportPublished)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A property as the service's own reporter.properties sets it, whatever the command line overrides. */
    private static Object ownConfigProperty(String name) {
        return context.getEnvironment().getPropertySources().stream()
                .filter(source -> source.getName().contains("reporter.properties"))
                .filter(EnumerablePropertySource.class::isInstance)
                .map(source -> source.getProperty(name))
                .filter(value -> value != null)
                .findFirst()
                .orElse(null);
    }
}

package dev.drivenotes.reporter.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCancelled;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ExperimentStarted;
import dev.drivenotes.model.event.ReportPublished;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.events.InProcessEventBus;
import dev.drivenotes.platform.events.SubscriptionLifecycle;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.platform.json.TrajectoryCodec;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.report.ExperimentReporter;
import dev.drivenotes.reporter.report.TestReporters;
import dev.drivenotes.reporter.store.DuckDbMetricsSink;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reporter's event flow without Spring: real DuckDB, artifact folder, bus and a fake carla-runner. */
class ReporterEventHandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final ExperimentConfig CONFIG = ExperimentConfig.of("daily", 2);

    @TempDir
    Path dir;

    private FakeCarlaRunner carlaRunner;
    private DuckDbMetricsSink sink;
    private LocalFolderArtifactStore artifacts;
    private InProcessEventBus bus;
    private ReporterEventHandler handler;

    @BeforeEach
    void start() throws Exception {
        carlaRunner = new FakeCarlaRunner();
        sink = new DuckDbMetricsSink(dir.resolve("reporter/drivenotes.duckdb"));
        artifacts = new LocalFolderArtifactStore(dir.resolve("artifacts"));
        bus = InProcessEventBus.open(
                dir.resolve("events"), InProcessEventBus.Settings.DEFAULTS.withDelivery(1, Duration.ofMillis(1)));
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        ExperimentReporter reporter = TestReporters.create(sink, artifacts, bus, clock);
        EpisodeIngest ingest = new EpisodeIngest(artifacts, carlaRunner.places(dir), sink);
        handler = new ReporterEventHandler(sink, ingest, reporter, clock);
    }

    @AfterEach
    void stop() {
        bus.close();
        sink.close();
        carlaRunner.close();
    }

    private EventEnvelope episodeEvent(int index, String map) {
        EpisodeSummary summary = Fixtures.summary("x1-e" + index, index, Termination.REACHED_DESTINATION);
        URI uri = artifacts.put(
                ArtifactKeys.trajectory("x1", summary.episodeId()),
                TrajectoryCodec.encode(Fixtures.leftTurn(Maneuver.TURN_LEFT, null)),
                TrajectoryCodec.CONTENT_TYPE);
        return EventEnvelope.wrap(new EpisodeCompleted("x1", map, uri.toString(), summary, null), T0);
    }

    @Test
    void writesNotesOnceAndTheReportWhenTheExperimentCompletes() throws Exception {
        EventEnvelope e0 = episodeEvent(0, "maps/town 1.xodr");
        EventEnvelope e1 = episodeEvent(1, "maps/town 1.xodr");
        List<EpisodeSummary> summaries =
                List.of(((EpisodeCompleted) e0.payload()).summary(), ((EpisodeCompleted) e1.payload()).summary());

        handler.handle(EventEnvelope.wrap(new ExperimentStarted("x1", CONFIG), T0));
        handler.handle(e0);
        handler.handle(e0);
        handler.handle(e1);
        handler.handle(
                EventEnvelope.wrap(new ExperimentCompleted("x1", CONFIG, summaries, List.of()), T0.plusSeconds(30)));

        assertThat(sink.notes("x1")).hasSize(6);
        assertThat(sink.episodes("x1")).hasSize(2);
        assertThat(carlaRunner.placeRequests)
                .as("the place directory is fetched once per map")
                .hasValue(1);
        assertThat(carlaRunner.requestedMaps).containsExactly("map=maps/town 1.xodr");
        assertThat(sink.experiment("x1"))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.COMPLETED));
        byte[] report = artifacts.get(artifacts.uriOf(ArtifactKeys.reportJson("x1")));
        assertThat(Json.mapper()
                        .readTree(report)
                        .get("metrics")
                        .get("allThreeAccuracy")
                        .asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void placesTheRandomBaselinesNotesByItsRawFixAndADrivingAgentsByItsFilter() throws Exception {
        List<String> junctionPlaces = new java.util.ArrayList<>();
        for (String agent : List.of("random", "dreamer")) {
            String experimentId = "x-" + agent;
            EpisodeSummary summary = Fixtures.summary(experimentId + "-e0", 0, Termination.REACHED_DESTINATION);
            URI uri = artifacts.put(
                    ArtifactKeys.trajectory(experimentId, summary.episodeId()),
                    TrajectoryCodec.encode(Fixtures.leftTurnWithOneStrayFix()),
                    TrajectoryCodec.CONTENT_TYPE);
            handler.handle(EventEnvelope.wrap(
                    new EpisodeCompleted(experimentId, "town", uri.toString(), summary, null, agent), T0));
            junctionPlaces.add(sink.notes(experimentId).stream()
                    .filter(n -> n.kind() == dev.drivenotes.model.note.NoteKind.JUNCTION)
                    .findFirst()
                    .orElseThrow()
                    .place());
        }

        assertThat(junctionPlaces).containsExactly("Main Street", Fixtures.JUNCTION);
    }

    @Test
    void ignoresARedeliveredEventEvenAfterItsEffectsChanged() throws Exception {
        EventEnvelope started = EventEnvelope.wrap(new ExperimentStarted("x1", CONFIG), T0);
        handler.handle(started);
        handler.handle(EventEnvelope.wrap(new ExperimentCompleted("x1", CONFIG, List.of(), List.of()), T0));

        handler.handle(started);

        assertThat(sink.experiment("x1"))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.COMPLETED));
    }

    @Test
    void recordsACancellationWithTheEpisodesSoFarAndWaitsForNoReport() throws Exception {
        EventEnvelope e0 = episodeEvent(0, "default-town");
        handler.handle(EventEnvelope.wrap(new ExperimentStarted("x1", CONFIG), T0));
        handler.handle(e0);

        EventEnvelope cancelled =
                EventEnvelope.wrap(new ExperimentCancelled("x1", "cancelled by operator"), T0.plusSeconds(5));
        handler.handle(cancelled);

        assertThat(sink.experiment("x1"))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.CANCELLED));
        assertThat(sink.episodes("x1")).hasSize(1);
        assertThat(sink.processed(cancelled.eventId())).isTrue();
        assertThat(artifacts.list("reports/")).isEmpty();
    }

    @Test
    void propagatesAFailureSoTheEventIsRedelivered() {
        carlaRunner.close();
        EventEnvelope e0 = episodeEvent(0, "default-town");

        assertThatThrownBy(() -> handler.handle(e0)).isInstanceOf(RuntimeException.class);
        assertThat(sink.processed(e0.eventId())).isFalse();
    }

    @Test
    void consumesTheBusUnderTheReporterSubscription() throws Exception {
        SubscriptionLifecycle subscription =
                new SubscriptionLifecycle(bus, IngestConfiguration.SUBSCRIPTION, handler, 1);
        List<EventEnvelope> reports = new CopyOnWriteArrayList<>();
        bus.subscribe("test", event -> {
            if (event.payload() instanceof ReportPublished) {
                reports.add(event);
            }
        });
        subscription.start();
        EventEnvelope e0 = episodeEvent(0, "default-town");

        bus.publish(e0).join();
        bus.publish(EventEnvelope.wrap(
                        new ExperimentCompleted(
                                "x1", CONFIG, List.of(((EpisodeCompleted) e0.payload()).summary()), List.of()),
                        T0))
                .join();
        assertThat(bus.awaitIdle(Duration.ofSeconds(20))).isTrue();
        subscription.stop();

        assertThat(subscription.isRunning()).isFalse();
        assertThat(bus.deadLetters()).isEmpty();
        assertThat(reports).hasSize(1);
        assertThat(sink.notes("x1")).hasSize(3);
    }
}

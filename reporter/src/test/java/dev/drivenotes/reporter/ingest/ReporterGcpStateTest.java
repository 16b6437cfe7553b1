package dev.drivenotes.reporter.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ExperimentStarted;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.platform.gcp.storage.GcsArtifactStore;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.platform.json.TrajectoryCodec;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.report.TestReporters;
import dev.drivenotes.reporter.store.ArtifactMetricsState;
import dev.drivenotes.reporter.store.MetricsSink;
import dev.drivenotes.reporter.store.bigquery.BigQueryMetricsSink;
import dev.drivenotes.reporter.store.bigquery.BigQueryTables;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Profile {@code gcp} without Google Cloud: the reporter's state in Cloud Storage (google-cloud-nio's
 * in-memory fake of the Storage API) and BigQuery accepting every insert. Each "instance" is a new
 * handler with nothing of its own, as a restarted or second Cloud Run instance would be.
 */
class ReporterGcpStateTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final ExperimentConfig CONFIG = ExperimentConfig.of("daily", 2);

    @TempDir
    Path dir;

    private final GcsArtifactStore gcs =
            new GcsArtifactStore(LocalStorageHelper.getOptions().getService(), "drivenotes-artifacts-test");
    private final BigQuery bigQuery = mock(BigQuery.class);
    private final List<InsertAllRequest> inserted = new CopyOnWriteArrayList<>();
    private final List<EventEnvelope> announced = new CopyOnWriteArrayList<>();
    private FakeCarlaRunner carlaRunner;

    @BeforeEach
    void start() throws Exception {
        carlaRunner = new FakeCarlaRunner();
        when(bigQuery.insertAll(any())).thenAnswer(call -> {
            inserted.add(call.getArgument(0));
            return mock(InsertAllResponse.class);
        });
    }

    @AfterEach
    void stop() {
        carlaRunner.close();
    }

    /** A fresh reporter instance: its state is whatever Cloud Storage holds. */
    private ReporterEventHandler instance() {
        Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
        EventPublisher publisher = event -> {
            announced.add(event);
            return CompletableFuture.completedFuture(null);
        };
        MetricsSink sink = sink();
        return new ReporterEventHandler(
                sink,
                new EpisodeIngest(gcs, carlaRunner.places(dir), sink),
                TestReporters.create(sink, gcs, publisher, clock),
                clock);
    }

    private MetricsSink sink() {
        return new BigQueryMetricsSink(
                new ArtifactMetricsState(gcs), bigQuery, "drivenotes", Clock.fixed(T0, ZoneOffset.UTC));
    }

    private EventEnvelope episode(String experimentId, int index) {
        EpisodeSummary summary = Fixtures.summary(experimentId + "-e" + index, index, Termination.REACHED_DESTINATION);
        URI uri = gcs.put(
                ArtifactKeys.trajectory(experimentId, summary.episodeId()),
                TrajectoryCodec.encode(Fixtures.leftTurn(Maneuver.TURN_LEFT, null)),
                TrajectoryCodec.CONTENT_TYPE);
        return EventEnvelope.wrap(
                new EpisodeCompleted(experimentId, "default-town", uri.toString(), summary, null), T0);
    }

    private static ExperimentCompleted completed(String experimentId, EventEnvelope... episodes) {
        List<EpisodeSummary> summaries = Arrays.stream(episodes)
                .map(e -> ((EpisodeCompleted) e.payload()).summary())
                .toList();
        return new ExperimentCompleted(experimentId, CONFIG, summaries, List.of());
    }

    private long rowsInto(String table) {
        return inserted.stream()
                .filter(r -> r.getTable().getTable().equals(table))
                .mapToLong(r -> r.getRows().size())
                .sum();
    }

    @Test
    void aRestartedInstanceReportsFromTheNotesAndEpisodesOtherInstancesRecorded() throws Exception {
        EventEnvelope e0 = episode("x1", 0);
        EventEnvelope e1 = episode("x1", 1);
        instance().handle(EventEnvelope.wrap(new ExperimentStarted("x1", CONFIG), T0));
        instance().handle(e0);
        instance().handle(e1);

        // the ExperimentCompleted is redelivered to an instance that never saw the episodes
        instance().handle(EventEnvelope.wrap(completed("x1", e0, e1), T0.plusSeconds(60)));

        MetricsSink fresh = sink();
        assertThat(fresh.experiment("x1"))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.COMPLETED));
        assertThat(fresh.notes("x1")).hasSize(6);
        assertThat(fresh.episodes("x1")).extracting(e -> e.summary().index()).containsExactly(0, 1);
        byte[] report = gcs.get(gcs.uriOf(ArtifactKeys.reportJson("x1")));
        assertThat(Json.mapper()
                        .readTree(report)
                        .get("metrics")
                        .get("noteCount")
                        .asInt())
                .isEqualTo(6);
        assertThat(announced)
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo("ReportPublished"));
    }

    @Test
    void aRedeliveryToAnotherInstanceIsANoOpBecauseTheLedgerIsShared() {
        EventEnvelope e0 = episode("x1", 0);
        instance().handle(e0);
        long episodeRows = rowsInto(BigQueryTables.EPISODES);
        long noteRows = rowsInto(BigQueryTables.NOTES);

        instance().handle(e0);

        assertThat(episodeRows).isEqualTo(1);
        assertThat(rowsInto(BigQueryTables.EPISODES)).isEqualTo(episodeRows);
        assertThat(rowsInto(BigQueryTables.NOTES)).isEqualTo(noteRows);
        assertThat(sink().processed(e0.eventId())).isTrue();
    }

    @Test
    void theDailyRollupReportAndComparisonSeeTheExperimentsEveryInstanceCompleted() {
        EventEnvelope a = episode("x1", 0);
        EventEnvelope b = episode("x2", 0);
        ReporterEventHandler first = instance();
        ReporterEventHandler second = instance();
        first.handle(a);
        second.handle(b);

        first.handle(EventEnvelope.wrap(completed("x1", a), T0.plusSeconds(60)));
        second.handle(EventEnvelope.wrap(completed("x2", b), T0.plusSeconds(120)));

        Map<String, Object> lastDailyRow = inserted.stream()
                .filter(r -> r.getTable().getTable().equals(BigQueryTables.METRICS_DAILY))
                .reduce((x, y) -> y)
                .orElseThrow()
                .getRows()
                .getFirst()
                .getContent();
        assertThat(lastDailyRow).containsEntry("experiments", 2).containsEntry("day", "2026-11-24");
        assertThat(sink().completedExperiments(
                                LocalDate.parse("2026-11-24"), CONFIG.map(), CONFIG.agent(), Condition.DEFAULT))
                .containsExactly("x1", "x2");
        JsonNode x2 = Json.mapper().readTree(gcs.get(gcs.uriOf(ArtifactKeys.reportJson("x2"))));
        assertThat(x2.get("comparedToPrevious").get("experimentId").asString())
                .as("x2 is compared with x1, which the other instance completed")
                .isEqualTo("x1");
        JsonNode daily =
                Json.mapper().readTree(gcs.get(gcs.uriOf(ArtifactKeys.dailyReportJson(LocalDate.parse("2026-11-24")))));
        List<String> listed = new ArrayList<>();
        daily.get("configurations")
                .get(0)
                .get("experiments")
                .forEach(e -> listed.add(e.get("experimentId").asString()));
        assertThat(listed).containsExactly("x1", "x2");
    }
}

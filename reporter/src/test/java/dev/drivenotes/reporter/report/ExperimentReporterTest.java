package dev.drivenotes.reporter.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ReportPublished;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteFields;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.NoteWriter;
import dev.drivenotes.reporter.store.DuckDbMetricsSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ExperimentReporterTest {

    private static final Instant DONE = Instant.parse("2026-11-24T12:00:00Z");
    private static final ExperimentConfig CONFIG = ExperimentConfig.of("daily", 2);
    private static final String SCRIPT = "<script>alert('x')</script>";

    @TempDir
    Path dir;

    private DuckDbMetricsSink sink;
    private LocalFolderArtifactStore artifacts;
    private final List<EventEnvelope> published = new ArrayList<>();
    private EventPublisher publisher = event -> {
        published.add(event);
        return CompletableFuture.completedFuture(null);
    };

    @BeforeEach
    void open() {
        sink = new DuckDbMetricsSink(dir.resolve("reporter.duckdb"));
        artifacts = new LocalFolderArtifactStore(dir.resolve("artifacts"));
    }

    @AfterEach
    void close() {
        sink.close();
    }

    private ExperimentReporter reporter() {
        return new ExperimentReporter(
                sink, artifacts, publisher, new DailyRollup(sink), Clock.fixed(DONE, ZoneOffset.UTC));
    }

    private EpisodeSummary recordEpisode(int index, List<Note> extraNotes) {
        EpisodeSummary summary = Fixtures.summary("x1-e" + index, index, Termination.REACHED_DESTINATION);
        List<Note> notes = new ArrayList<>(
                new NoteWriter(Fixtures.MATCHER).write("x1", summary, Fixtures.leftTurn(Maneuver.GO_STRAIGHT, null)));
        notes.addAll(extraNotes);
        sink.recordEpisode(
                new EpisodeCompleted("x1", "default-town", "file:/tmp/e" + index, summary),
                notes,
                NoteScorer.score(List.of(summary), notes));
        return summary;
    }

    @Test
    void writesAReportJsonWithEveryKeyTheLauncherReads() throws Exception {
        List<EpisodeSummary> episodes = List.of(recordEpisode(0, List.of()), recordEpisode(1, List.of()));

        reporter().report(new ExperimentCompleted("x1", CONFIG, episodes), DONE);

        byte[] bytes = artifacts.get(artifacts.uriOf(ArtifactKeys.reportJson("x1")));
        JsonNode json = Json.mapper().readTree(bytes);
        assertThat(fieldNames(json)).contains("experimentId", "status", "agent", "map", "episodes", "metrics", "notes");
        assertThat(json.get("experimentId").asString()).isEqualTo("x1");
        assertThat(json.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(json.get("agent").asString()).isEqualTo(CONFIG.agent());
        assertThat(json.get("map").asString()).isEqualTo("default-town");

        JsonNode episode = json.get("episodes").get(1);
        assertThat(fieldNames(episode))
                .contains(
                        "episodeId",
                        "seed",
                        "steps",
                        "routeCompletion",
                        "collisions",
                        "notes",
                        "termination",
                        "start",
                        "destination",
                        "meanSpeedMps",
                        "drivingScore");
        assertThat(episode.get("episodeId").asString()).isEqualTo("x1-e1");
        assertThat(episode.get("notes").asInt()).isEqualTo(3);
        assertThat(episode.get("termination").asString()).isEqualTo("REACHED_DESTINATION");

        JsonNode metrics = json.get("metrics");
        assertThat(fieldNames(metrics))
                .contains(
                        "locationAccuracy",
                        "actionAccuracy",
                        "destinationAccuracy",
                        "validationRate",
                        "meanConfidence",
                        "routeCompletion",
                        "allThreeAccuracy",
                        "drivingScore",
                        "noteCount",
                        "calibration");
        assertThat(metrics.get("noteCount").asInt()).isEqualTo(6);
        assertThat(metrics.get("actionAccuracy").asDouble())
                .as("the junction notes declared go_straight")
                .isCloseTo(4.0 / 6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(metrics.get("calibration")).hasSize(5);

        JsonNode note = json.get("notes").get(1);
        assertThat(fieldNames(note))
                .containsExactly(
                        "episodeId",
                        "step",
                        "kind",
                        "text",
                        "place",
                        "action",
                        "nextPoi",
                        "truth",
                        "correct",
                        "confidence",
                        "valid");
        assertThat(fieldNames(note.get("truth"))).containsExactly("place", "action", "nextPoi");
        assertThat(fieldNames(note.get("correct"))).containsExactly("location", "action", "destination");
        assertThat(note.get("action").asString()).isEqualTo("go_straight");
        assertThat(note.get("truth").get("action").asString()).isEqualTo("turn_left");
        assertThat(note.get("correct").get("action").asBoolean()).isFalse();
        assertThat(note.get("kind").asString()).isEqualTo("JUNCTION");
        assertThat(note.get("text").asString()).isEqualTo("At Main & Oak, did go_straight to reach Museum");
    }

    @Test
    void escapesMarkupInTheHtmlReport() {
        Note hostile = Fixtures.note(
                "x1",
                "x1-e0",
                30,
                new NoteFields(SCRIPT, Maneuver.FOLLOW_LANE, "Museum"),
                new NoteFields("Oak Avenue", Maneuver.FOLLOW_LANE, "Museum"),
                0.5);
        List<EpisodeSummary> episodes = List.of(recordEpisode(0, List.of(hostile)));

        reporter().report(new ExperimentCompleted("x1", CONFIG, episodes), DONE);

        String html = new String(artifacts.get(artifacts.uriOf(ArtifactKeys.reportHtml("x1"))), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<script");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("Main &amp; Oak").contains("class=\"bad\"").contains("class=\"ok\"");
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void publishesReportPublishedAndRecordsTheDay() {
        List<EpisodeSummary> episodes = List.of(recordEpisode(0, List.of()));

        reporter().report(new ExperimentCompleted("x1", CONFIG, episodes), DONE);

        assertThat(published).singleElement().satisfies(e -> {
            ReportPublished event = (ReportPublished) e.payload();
            assertThat(event.experimentId()).isEqualTo("x1");
            assertThat(event.jsonUri())
                    .isEqualTo(artifacts.uriOf(ArtifactKeys.reportJson("x1")).toString());
            assertThat(event.htmlUri())
                    .isEqualTo(artifacts.uriOf(ArtifactKeys.reportHtml("x1")).toString());
        });
        assertThat(sink.completedExperiments(LocalDate.parse("2026-11-24"), "default-town", CONFIG.agent()))
                .containsExactly("x1");
    }

    @Test
    void refusesToReportBeforeEveryEpisodeIsRecorded() {
        EpisodeSummary recorded = recordEpisode(0, List.of());
        EpisodeSummary pending = Fixtures.summary("x1-e1", 1, Termination.MAX_STEPS);

        assertThatThrownBy(() ->
                        reporter().report(new ExperimentCompleted("x1", CONFIG, List.of(recorded, pending)), DONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("x1-e1");
        assertThat(published).isEmpty();
    }

    @Test
    void failsWhenTheBusRejectsReportPublished() {
        publisher = event -> CompletableFuture.failedFuture(new IllegalStateException("bus closed"));
        List<EpisodeSummary> episodes = List.of(recordEpisode(0, List.of()));

        assertThatThrownBy(() -> reporter().report(new ExperimentCompleted("x1", CONFIG, episodes), DONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ReportPublished")
                .hasRootCauseMessage("bus closed");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}

package dev.drivenotes.reporter.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ReportPublished;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteFields;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.NoteWriter;
import dev.drivenotes.reporter.store.DuckDbMetricsSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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

    private Path db;
    private DuckDbMetricsSink sink;
    private LocalFolderArtifactStore artifacts;
    private final List<EventEnvelope> published = new ArrayList<>();
    private EventPublisher publisher = event -> {
        published.add(event);
        return CompletableFuture.completedFuture(null);
    };

    @BeforeEach
    void open() {
        db = dir.resolve("reporter.duckdb");
        sink = new DuckDbMetricsSink(db);
        artifacts = new LocalFolderArtifactStore(dir.resolve("artifacts"));
    }

    @AfterEach
    void close() {
        sink.close();
    }

    private ExperimentReporter reporter() {
        return TestReporters.create(sink, artifacts, publisher, Clock.fixed(DONE, ZoneOffset.UTC));
    }

    /** Reports as the handler does: the ExperimentCompleted event occurred at {@code completedAt}. */
    private ExperimentReport report(ExperimentCompleted completed, Instant completedAt) {
        return reporter().report(EventEnvelope.wrap(completed, completedAt), completed);
    }

    /** Records a one-episode experiment whose junction note declares {@code atJunction} (the truth turns left). */
    private EpisodeSummary recordEpisode(String experimentId, int index, Maneuver atJunction) {
        EpisodeSummary summary = Fixtures.summary(experimentId + "-e" + index, index, Termination.REACHED_DESTINATION);
        List<Note> notes =
                new NoteWriter(Fixtures.MATCHER).write(experimentId, summary, Fixtures.leftTurn(atJunction, null));
        sink.recordEpisode(
                new EpisodeCompleted(experimentId, "default-town", "file:/tmp/" + summary.episodeId(), summary, null),
                notes,
                NoteScorer.score(List.of(summary), notes));
        return summary;
    }

    /** Every row of {@code metrics_daily}, column name → value, read with the sink closed (one writer per file). */
    private List<Map<String, Object>> dailyRows() throws Exception {
        sink.close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM metrics_daily")) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } finally {
            sink = new DuckDbMetricsSink(db);
        }
    }

    private EpisodeSummary recordEpisode(int index, List<Note> extraNotes) {
        return recordEpisode(Fixtures.summary("x1-e" + index, index, Termination.REACHED_DESTINATION), extraNotes);
    }

    private EpisodeSummary recordEpisode(EpisodeSummary summary, List<Note> extraNotes) {
        List<Note> notes = new ArrayList<>(
                new NoteWriter(Fixtures.MATCHER).write("x1", summary, Fixtures.leftTurn(Maneuver.GO_STRAIGHT, null)));
        notes.addAll(extraNotes);
        sink.recordEpisode(
                new EpisodeCompleted("x1", "default-town", "file:/tmp/e" + summary.index(), summary, null),
                notes,
                NoteScorer.score(List.of(summary), notes));
        return summary;
    }

    @Test
    void writesAReportJsonWithEveryKeyTheLauncherReads() throws Exception {
        EpisodeSummary infringing = Fixtures.summaryBuilder("x1-e1", 1, Termination.REACHED_DESTINATION)
                .routeCompletion(0.8)
                .infractions(new Infractions(1, 0, 1, 2, 1))
                .build();
        List<EpisodeSummary> episodes = List.of(recordEpisode(0, List.of()), recordEpisode(infringing, List.of()));

        report(new ExperimentCompleted("x1", CONFIG, episodes, List.of()), DONE);

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
                        "infractions",
                        "drivingScore");
        assertThat(episode.get("episodeId").asString()).isEqualTo("x1-e1");
        assertThat(episode.get("notes").asInt()).isEqualTo(3);
        assertThat(episode.get("termination").asString()).isEqualTo("REACHED_DESTINATION");
        JsonNode infractions = episode.get("infractions");
        assertThat(fieldNames(infractions))
                .containsExactly(
                        "collisionsPedestrian",
                        "collisionsVehicle",
                        "collisionsStatic",
                        "redLightRuns",
                        "stopSignRuns");
        assertThat(List.of(
                        infractions.get("collisionsPedestrian").asInt(),
                        infractions.get("collisionsVehicle").asInt(),
                        infractions.get("collisionsStatic").asInt(),
                        infractions.get("redLightRuns").asInt(),
                        infractions.get("stopSignRuns").asInt()))
                .containsExactly(1, 0, 1, 2, 1);
        assertThat(episode.get("collisions").asInt()).isEqualTo(2);
        // route completion × pedestrian 0.50 × static 0.65 × red light 0.70² × stop sign 0.80
        double infringingScore = 0.8 * 0.50 * 0.65 * 0.70 * 0.70 * 0.80;
        assertThat(episode.get("drivingScore").asDouble()).isCloseTo(infringingScore, within(1e-12));
        assertThat(json.get("episodes").get(0).get("drivingScore").asDouble())
                .as("a clean drive to the destination")
                .isEqualTo(1.0);

        JsonNode metrics = json.get("metrics");
        assertThat(fieldNames(metrics))
                .contains(
                        "locationAccuracy",
                        "actionAccuracy",
                        "destinationAccuracy",
                        "validationRate",
                        "meanConfidence",
                        "expectedCalibrationError",
                        "routeCompletion",
                        "allThreeAccuracy",
                        "drivingScore",
                        "noteCount",
                        "infractions");
        assertThat(metrics.get("noteCount").asInt()).isEqualTo(6);
        assertThat(metrics.get("actionAccuracy").asDouble())
                .as("the junction notes declared go_straight")
                .isCloseTo(4.0 / 6, within(1e-9));
        assertThat(metrics.get("accuracy").get("actionCorrect").asInt()).isEqualTo(4);
        JsonNode actionInterval = metrics.get("actionAccuracyInterval");
        assertThat(actionInterval.get("n").asInt()).isEqualTo(6);
        assertThat(actionInterval.get("low").asDouble())
                .as("Wilson interval of 4 of 6")
                .isCloseTo(0.2999, within(1e-4));
        assertThat(actionInterval.get("high").asDouble()).isCloseTo(0.9032, within(1e-4));
        assertThat(metrics.has("locationAccuracyInterval")
                        && metrics.has("destinationAccuracyInterval")
                        && metrics.has("allThreeAccuracyInterval"))
                .isTrue();
        assertThat(metrics.get("drivingScore").asDouble()).isCloseTo((1.0 + infringingScore) / 2, within(1e-12));
        assertThat(metrics.get("collisions").asInt()).isEqualTo(2);
        assertThat(metrics.get("infractions").get("redLightRuns").asInt()).isEqualTo(2);

        JsonNode calibration = json.get("calibration");
        assertThat(calibration.get("bins")).hasSize(5);
        assertThat(calibration.get("bins").get(0).get("accuracy").isNull())
                .as("an empty bin has no accuracy, not 0")
                .isTrue();
        assertThat(calibration.get("expectedCalibrationError").asDouble())
                .isCloseTo(metrics.get("expectedCalibrationError").asDouble(), within(1e-12))
                .isBetween(0.0, 1.0);
        JsonNode confusion = json.get("actionConfusion");
        List<String> actions = new ArrayList<>();
        confusion.get("actions").forEach(a -> actions.add(a.asString()));
        assertThat(actions).contains("turn_left", "go_straight");
        assertThat(confusion
                        .get("counts")
                        .get(actions.indexOf("turn_left"))
                        .get(actions.indexOf("go_straight"))
                        .asInt())
                .as("both junction notes declared go_straight through a left turn")
                .isEqualTo(2);
        assertThat(json.get("accuracyByKind"))
                .as("junction, POI arrival, reroute")
                .hasSize(3);
        assertThat(json.has("comparedToPrevious")).isTrue();
        assertThat(json.get("comparedToPrevious").isNull()).as("no earlier run").isTrue();
        assertThat(json.get("day").asString()).isEqualTo("2026-11-24");

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

        report(new ExperimentCompleted("x1", CONFIG, episodes, List.of()), DONE);

        String html = new String(artifacts.get(artifacts.uriOf(ArtifactKeys.reportHtml("x1"))), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<script");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("Main &amp; Oak").contains("class=\"bad\"").contains("class=\"ok\"");
        assertThat(html)
                .as("nothing loaded from elsewhere")
                .doesNotContain("<link")
                .doesNotContainPattern("(src|href)=\"?https?:");
    }

    @Test
    void publishesReportPublishedAndRecordsTheDay() throws Exception {
        List<EpisodeSummary> episodes = List.of(recordEpisode(0, List.of()));

        report(new ExperimentCompleted("x1", CONFIG, episodes, List.of()), DONE);

        assertThat(published).singleElement().satisfies(e -> {
            ReportPublished event = (ReportPublished) e.payload();
            assertThat(event.experimentId()).isEqualTo("x1");
            assertThat(event.jsonUri())
                    .isEqualTo(artifacts.uriOf(ArtifactKeys.reportJson("x1")).toString());
            assertThat(event.htmlUri())
                    .isEqualTo(artifacts.uriOf(ArtifactKeys.reportHtml("x1")).toString());
        });
        assertThat(sink.completedExperiments(
                        LocalDate.parse("2026-11-24"), "default-town", CONFIG.agent(), Condition.DEFAULT))
                .containsExactly("x1");
        assertThat(dailyRows()).singleElement().satisfies(day -> {
            assertThat(day.get("day")).isEqualTo(LocalDate.parse("2026-11-24"));
            assertThat(day.get("map")).isEqualTo("default-town");
            assertThat(day.get("agent")).isEqualTo(CONFIG.agent());
            assertThat(day.get("experiments")).isEqualTo(1);
            assertThat(day.get("episodes")).isEqualTo(1);
            assertThat(day.get("note_count")).isEqualTo(3);
            assertThat((double) day.get("action_accuracy"))
                    .as("the junction note declared go_straight")
                    .isCloseTo(2.0 / 3, within(1e-9));
        });
    }

    @Test
    void theDaysRowAggregatesEveryExperimentOfItsMapAndAgentAndNoOther() throws Exception {
        String otherAgent = ExperimentConfig.AGENTS.stream()
                .filter(a -> !a.equals(CONFIG.agent()))
                .findFirst()
                .orElseThrow();
        ExperimentConfig other = ExperimentConfigBuilder.experiment("daily")
                .agent(otherAgent)
                .episodes(1)
                .build();
        EpisodeSummary x1 = recordEpisode("x1", 0, Maneuver.GO_STRAIGHT);
        EpisodeSummary x2 = recordEpisode("x2", 0, Maneuver.TURN_LEFT);
        EpisodeSummary x3 = recordEpisode("x3", 0, Maneuver.TURN_RIGHT);

        report(new ExperimentCompleted("x1", CONFIG, List.of(x1), List.of()), DONE);
        report(new ExperimentCompleted("x2", CONFIG, List.of(x2), List.of()), DONE.plusSeconds(60));
        report(new ExperimentCompleted("x3", other, List.of(x3), List.of()), DONE.plusSeconds(120));
        report(new ExperimentCompleted("x2", CONFIG, List.of(x2), List.of()), DONE.plusSeconds(60));

        List<Map<String, Object>> days = dailyRows();
        assertThat(days).extracting(d -> d.get("agent")).containsExactlyInAnyOrder(CONFIG.agent(), otherAgent);
        assertThat(days)
                .filteredOn(d -> d.get("agent").equals(CONFIG.agent()))
                .singleElement()
                .satisfies(day -> {
                    assertThat(day.get("experiments")).isEqualTo(2);
                    assertThat(day.get("episodes")).isEqualTo(2);
                    assertThat(day.get("note_count")).isEqualTo(6);
                    // x1's junction note is wrong (go_straight through a left turn), x2's is right
                    assertThat((double) day.get("action_accuracy")).isCloseTo(5.0 / 6, within(1e-9));
                    assertThat((double) day.get("all_three_accuracy")).isCloseTo(5.0 / 6, within(1e-9));
                });
        assertThat(days)
                .filteredOn(d -> d.get("agent").equals(otherAgent))
                .singleElement()
                .satisfies(day -> {
                    assertThat(day.get("experiments")).isEqualTo(1);
                    assertThat(day.get("note_count")).isEqualTo(3);
                    assertThat((double) day.get("action_accuracy")).isCloseTo(2.0 / 3, within(1e-9));
                });
    }

    @Test
    void refusesToReportBeforeEveryEpisodeIsRecorded() {
        EpisodeSummary recorded = recordEpisode(0, List.of());
        EpisodeSummary pending = Fixtures.summary("x1-e1", 1, Termination.MAX_STEPS);

        assertThatThrownBy(() ->
                        report(new ExperimentCompleted("x1", CONFIG, List.of(recorded, pending), List.of()), DONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("x1-e1");
        assertThat(published).isEmpty();
    }

    @Test
    void failsWhenTheBusRejectsReportPublished() {
        publisher = event -> CompletableFuture.failedFuture(new IllegalStateException("bus closed"));
        List<EpisodeSummary> episodes = List.of(recordEpisode(0, List.of()));

        assertThatThrownBy(() -> report(new ExperimentCompleted("x1", CONFIG, episodes, List.of()), DONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ReportPublished")
                .hasRootCauseMessage("bus closed");
        assertThat(sink.experiment("x1"))
                .as("nothing recorded: the redelivery redoes it all")
                .isEmpty();
    }

    @Test
    void reportsAnExperimentCompletedWithFailuresListingEachFailedEpisodeWithItsReason() throws Exception {
        List<EpisodeSummary> episodes = List.of(recordEpisode(0, List.of()));
        EpisodeFailure failure =
                new EpisodeFailure("x1-e1", 1, 8L, 3, "dreamer-service answered 503: dreamer-service unavailable");

        report(new ExperimentCompleted("x1", CONFIG, episodes, List.of(failure)), DONE);

        JsonNode json = Json.mapper().readTree(artifacts.get(artifacts.uriOf(ArtifactKeys.reportJson("x1"))));
        assertThat(json.get("status").asString()).isEqualTo("COMPLETED_WITH_FAILURES");
        assertThat(json.get("episodes")).hasSize(1);
        JsonNode failed = json.get("failedEpisodes").get(0);
        assertThat(failed.get("episodeId").asString()).isEqualTo("x1-e1");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("reason").asString()).isEqualTo(failure.reason());
        String html = new String(artifacts.get(artifacts.uriOf(ArtifactKeys.reportHtml("x1"))), StandardCharsets.UTF_8);
        assertThat(html).contains("Failed episodes").contains(failure.reason());
        assertThat(sink.experiment("x1").orElseThrow().status()).isEqualTo(ExperimentStatus.COMPLETED_WITH_FAILURES);
    }

    @Test
    void reportsAnExperimentWhoseEveryEpisodeFailed() throws Exception {
        EpisodeFailure failure = new EpisodeFailure("x1-e0", 0, 7L, 3, "dreamer-service unreachable: refused");

        report(new ExperimentCompleted("x1", CONFIG, List.of(), List.of(failure)), DONE);

        JsonNode json = Json.mapper().readTree(artifacts.get(artifacts.uriOf(ArtifactKeys.reportJson("x1"))));
        assertThat(json.get("episodes")).isEmpty();
        assertThat(json.get("failedEpisodes")).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void recordsTheCompletionWithItsEventInTheLedgerAndAnnouncesARepeatUnderTheSameId() {
        List<EpisodeSummary> episodes = List.of(recordEpisode(0, List.of()));
        ExperimentCompleted completed = new ExperimentCompleted("x1", CONFIG, episodes, List.of());
        EventEnvelope event = EventEnvelope.wrap(completed, DONE);

        reporter().report(event, completed);
        reporter().report(event, completed);

        assertThat(sink.processed(event.eventId())).isTrue();
        assertThat(sink.experiment("x1").orElseThrow().status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(published).hasSize(2);
        assertThat(published).extracting(EventEnvelope::eventId).containsOnly(event.eventId() + "-report");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}

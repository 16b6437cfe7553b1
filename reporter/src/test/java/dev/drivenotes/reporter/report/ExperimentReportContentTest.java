package dev.drivenotes.reporter.report;

import static dev.drivenotes.model.testing.GroundTruthBuilder.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.platform.json.TrajectoryCodec;
import dev.drivenotes.reporter.CarlaRunnerStandIn;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.NoteWriter;
import dev.drivenotes.reporter.store.DuckDbMetricsSink;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What a report shows: route maps, n/a for missing denominators, the comparison with the previous run. */
class ExperimentReportContentTest {

    private static final Instant DONE = Instant.parse("2026-11-24T12:00:00Z");
    private static final Pattern ROUTE_MAP = Pattern.compile("<svg class=\"route-map\"");

    @TempDir
    Path dir;

    private DuckDbMetricsSink sink;
    private LocalFolderArtifactStore artifacts;
    private CarlaRunnerStandIn carlaRunner;

    @BeforeEach
    void open() {
        sink = new DuckDbMetricsSink(dir.resolve("reporter.duckdb"));
        artifacts = new LocalFolderArtifactStore(dir.resolve("artifacts"));
        carlaRunner = new CarlaRunnerStandIn();
    }

    @AfterEach
    void close() {
        sink.close();
        carlaRunner.close();
    }

    private ExperimentReporter reporter(URI carla) {
        return TestReporters.create(
                sink,
                artifacts,
                event -> CompletableFuture.completedFuture(null),
                Clock.fixed(DONE, ZoneOffset.UTC),
                carla,
                TestReporters.RULE);
    }

    private void report(URI carla, ExperimentCompleted completed, Instant completedAt) {
        TestReporters.report(reporter(carla), completed, completedAt);
    }

    private static ExperimentConfig config(double gnssNoiseM) {
        return ExperimentConfigBuilder.experiment("drawn")
                .agent("dreamer")
                .episodes(2)
                .gnssNoiseM(gnssNoiseM)
                .build();
    }

    /** Stores the episode's trajectory and its notes, as the ingest does. */
    private EpisodeSummary record(String experimentId, int index, List<StepRecord> steps) {
        return record(Fixtures.summary(experimentId + "-e" + index, index, Termination.REACHED_DESTINATION), steps);
    }

    private EpisodeSummary record(EpisodeSummary summary, List<StepRecord> steps) {
        String experimentId =
                summary.episodeId().substring(0, summary.episodeId().indexOf("-e"));
        URI uri = artifacts.put(
                ArtifactKeys.trajectory(experimentId, summary.episodeId()),
                TrajectoryCodec.encode(steps),
                TrajectoryCodec.CONTENT_TYPE);
        List<Note> notes = new NoteWriter(Fixtures.MATCHER).write(experimentId, summary, steps);
        sink.recordEpisode(
                new EpisodeCompleted(experimentId, "test-town", uri.toString(), summary, null),
                notes,
                NoteScorer.score(List.of(summary), notes));
        return summary;
    }

    /** Stores an episode without notes whose trajectory is not in the artifact store. */
    private void recordWithoutTrajectory(EpisodeSummary summary) {
        sink.recordEpisode(
                new EpisodeCompleted(
                        "x1", "test-town", "file:/nowhere/" + summary.episodeId() + ".jsonl.gz", summary, null),
                List.of(),
                NoteScorer.score(List.of(summary), List.of()));
    }

    /** The left turn with a red light run on step 16 (inside the junction). */
    private static List<StepRecord> leftTurnThroughRed(Maneuver declared) {
        List<StepRecord> steps = new ArrayList<>(Fixtures.leftTurn(declared, null));
        StepRecord s = steps.get(16);
        GroundTruth t = s.truth();
        GroundTruth red = truth().pose(t.pose().x(), t.pose().y(), t.pose().yawRad())
                .lane(t.roadId(), t.laneId())
                .junction(t.junctionId())
                .place(t.place())
                .routeCompletion(t.routeCompletion())
                .redLightRun()
                .build();
        steps.set(16, new StepRecord(s.step(), s.simTimeS(), s.observation(), s.decision(), red));
        return steps;
    }

    private String html(String experimentId) {
        return new String(
                artifacts.get(artifacts.uriOf(ArtifactKeys.reportHtml(experimentId))), StandardCharsets.UTF_8);
    }

    private JsonNode json(String experimentId) {
        return Json.mapper().readTree(artifacts.get(artifacts.uriOf(ArtifactKeys.reportJson(experimentId))));
    }

    @Test
    void drawsOneRouteMapPerEpisodeWithItsNotesIncidentsStartAndDestination() {
        List<EpisodeSummary> episodes = List.of(
                record(
                        Fixtures.summaryBuilder("x1-e0", 0, Termination.REACHED_DESTINATION)
                                .infractions(new Infractions(0, 0, 0, 1, 0))
                                .build(),
                        leftTurnThroughRed(Maneuver.TURN_LEFT)),
                record("x1", 1, Fixtures.leftTurn(Maneuver.GO_STRAIGHT, null)));

        report(carlaRunner.uri(), new ExperimentCompleted("x1", config(1.0), episodes, null), DONE);

        String html = html("x1");
        assertThat(ROUTE_MAP.matcher(html).results().count()).isEqualTo(2);
        assertThat(html).contains("aria-label=\"speed profile of x1-e0\"", "aria-label=\"speed profile of x1-e1\"");
        assertThat(html)
                .as("the right junction note, its text and truth on hover")
                .containsPattern("class=\"note-right\"[^>]*><title>At Main &amp; Oak, did turn_left to reach Museum\\n"
                        + "truth: At Main &amp; Oak, did turn_left to reach Museum");
        assertThat(html)
                .as("the wrong one in the second episode")
                .containsPattern(
                        "class=\"note-wrong\"[^>]*><title>At Main &amp; Oak, did go_straight to reach Museum\\n"
                                + "truth: At Main &amp; Oak, did turn_left to reach Museum");
        assertThat(html).containsPattern("class=\"incident-red-light\"[^>]*><title>red light run at step 16");
        assertThat(html).contains("<title>start: Main Street</title>", "<title>destination: Museum</title>");
        assertThat(html).as("the planned route").contains("<title>planned route Main Street → Museum, 135 m</title>");
        assertThat(html).as("the roads of the map").contains("<title>Oak Avenue</title>");
        assertThat(html).as("the infraction in the summary").contains("<b>1</b><span>red lights run</span>");
        assertThat(html)
                .as("each accuracy with its count and 95 % interval")
                .containsPattern("<b>[0-9.]+ % \\([0-9]+ of [0-9]+\\), 95 % CI [0-9.]+ %–[0-9.]+ %</b>"
                        + "<span>action accuracy</span>");
        assertThat(html).doesNotContain("<script").doesNotContainPattern("(src|href)=\"?https?:");
    }

    @Test
    void leavesFiguresOutSayingWhyWhenTheirDataIsMissing() {
        EpisodeSummary drawn = record("x1", 0, Fixtures.leftTurn(Maneuver.TURN_LEFT, null));
        EpisodeSummary lost = Fixtures.summary("x1-e1", 1, Termination.REACHED_DESTINATION);
        recordWithoutTrajectory(lost);

        report(
                TestReporters.NO_CARLA_RUNNER,
                new ExperimentCompleted("x1", config(1.0), List.of(drawn, lost), null),
                DONE);

        String html = html("x1");
        assertThat(ROUTE_MAP.matcher(html).results().count())
                .as("the episode whose trajectory is there is drawn, without roads")
                .isEqualTo(1);
        assertThat(html).contains("roads are not drawn: carla-runner did not answer the places of default-town");
        assertThat(html).contains("trajectory file:/nowhere/x1-e1.jsonl.gz could not be read");
        assertThat(json("x1").get("metrics").get("noteCount").asInt())
                .as("the numbers are all there")
                .isEqualTo(3);
    }

    @Test
    void theReportNamesTheConditionsTheRunDroveIn() {
        EpisodeSummary quiet = Fixtures.summary("x1-e0", 0, Termination.MAX_STEPS);
        recordWithoutTrajectory(quiet);

        report(TestReporters.NO_CARLA_RUNNER, new ExperimentCompleted("x1", config(5.0), List.of(quiet), null), DONE);

        assertThat(json("x1").get("condition").asString()).isEqualTo("gnss5m-drop0-npc0-aggr0.5-dt0.05");
        assertThat(json("x1").get("narrator").asString())
                .as("the default narrator")
                .isEqualTo("agent");
        assertThat(new String(artifacts.get(artifacts.uriOf(ArtifactKeys.reportHtml("x1"))), StandardCharsets.UTF_8))
                .contains("gnss5m-drop0-npc0-aggr0.5-dt0.05");
    }

    @Test
    void theReportNamesWhoNarratedAndSaysTheModelVersionIsNotRecordedWhenNoEpisodeHasOne() {
        EpisodeSummary quiet = Fixtures.summary("x1-e0", 0, Termination.MAX_STEPS);
        recordWithoutTrajectory(quiet);
        ExperimentConfig byAutopilot = ExperimentConfigBuilder.experiment("narrated")
                .agent("dreamer")
                .episodes(1)
                .narrator("autopilot")
                .build();

        report(TestReporters.NO_CARLA_RUNNER, new ExperimentCompleted("x1", byAutopilot, List.of(quiet), null), DONE);

        assertThat(json("x1").get("narrator").asString()).isEqualTo("autopilot");
        String html = new String(artifacts.get(artifacts.uriOf(ArtifactKeys.reportHtml("x1"))), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("<dt>narrator</dt><dd>autopilot (the autopilot&#39;s rule from the planned path")
                .contains("<dt>model version</dt><dd>not recorded (episodes driven before");
        assertThat(json("x1").get("modelVersions")).isEmpty();
        assertThat(json("x1").get("episodes").get(0).get("modelVersions").isNull())
                .isTrue();
    }

    private static final String OLD = "dreamer:74188:9b71f9d5ec31:t0.6988498167149707";
    private static final String NEW = "dreamer:90000:0123456789ab:t0.71";

    @Test
    void theReportNamesTheModelVersionThatServedTheRun() {
        EpisodeSummary e0 = record(
                Fixtures.summaryBuilder("x1-e0", 0, Termination.REACHED_DESTINATION)
                        .modelVersions(OLD)
                        .build(),
                Fixtures.leftTurn(Maneuver.TURN_LEFT, null));
        EpisodeSummary e1 = Fixtures.summaryBuilder("x1-e1", 1, Termination.MAX_STEPS)
                .modelVersions(OLD)
                .build();
        recordWithoutTrajectory(e1);

        report(TestReporters.NO_CARLA_RUNNER, new ExperimentCompleted("x1", config(1.0), List.of(e0, e1), null), DONE);

        JsonNode report = json("x1");
        assertThat(report.get("modelVersions").values())
                .extracting(JsonNode::asString)
                .containsExactly(OLD);
        assertThat(report.get("episodes").get(1).get("modelVersions").values())
                .extracting(JsonNode::asString)
                .containsExactly(OLD);
        String html = new String(artifacts.get(artifacts.uriOf(ArtifactKeys.reportHtml("x1"))), StandardCharsets.UTF_8);
        assertThat(html).contains("<dt>model version</dt><dd>" + OLD + "</dd>").doesNotContain("not recorded");
        assertThat(html).as("one model: no column per episode").doesNotContain("<th>model version</th>");
    }

    @Test
    void aModelChangedDuringTheRunIsNamedInOrderAndPerEpisode() {
        EpisodeSummary e0 = Fixtures.summaryBuilder("x1-e0", 0, Termination.MAX_STEPS)
                .modelVersions(OLD)
                .build();
        EpisodeSummary e1 = Fixtures.summaryBuilder("x1-e1", 1, Termination.MAX_STEPS)
                .modelVersions(OLD, NEW)
                .build();
        EpisodeSummary e2 = Fixtures.summaryBuilder("x1-e2", 2, Termination.MAX_STEPS)
                .modelVersions(NEW)
                .build();
        List.of(e0, e1, e2).forEach(this::recordWithoutTrajectory);
        ExperimentConfig three = ExperimentConfigBuilder.experiment("rolled")
                .agent("dreamer")
                .episodes(3)
                .build();

        report(TestReporters.NO_CARLA_RUNNER, new ExperimentCompleted("x1", three, List.of(e2, e0, e1), null), DONE);

        JsonNode report = json("x1");
        assertThat(report.get("modelVersions").values())
                .extracting(JsonNode::asString)
                .containsExactly(OLD, NEW);
        String html = new String(artifacts.get(artifacts.uriOf(ArtifactKeys.reportHtml("x1"))), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("<dd>" + OLD + ", then " + NEW + " (the model changed during the run)</dd>")
                .contains("<th>model version</th>")
                .contains("<td>" + OLD + ", then " + NEW + "</td>");
    }

    @Test
    void theReportGivesTheMeanLocalisationErrorWhereNotesArePlacedWithItsInterval() {
        EpisodeSummary clean = record("x1", 0, Fixtures.leftTurn(Maneuver.TURN_LEFT, null));
        EpisodeSummary stray = record("x1", 1, Fixtures.leftTurnWithOneStrayFix());
        List<Double> errors =
                sink.notes("x1").stream().map(Note::locationErrorM).toList();

        report(
                TestReporters.NO_CARLA_RUNNER,
                new ExperimentCompleted("x1", config(1.0), List.of(clean, stray), null),
                DONE);

        JsonNode metrics = json("x1").get("metrics");
        double mean = errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(errors).hasSize(6).doesNotContainNull();
        assertThat(metrics.get("locationErrorM").asDouble())
                .isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-9));
        JsonNode interval = metrics.get("locationErrorMInterval");
        assertThat(interval.get("n").asInt()).isEqualTo(6);
        assertThat(interval.get("low").asDouble()).isLessThanOrEqualTo(mean);
        assertThat(interval.get("high").asDouble())
                .isGreaterThanOrEqualTo(mean)
                .isGreaterThan(interval.get("low").asDouble());
        assertThat(html("x1")).contains("mean localisation error where notes are placed");
    }

    @Test
    void aRunWithoutNotesSaysNotAvailableInsteadOfZeroPercent() {
        EpisodeSummary quiet = Fixtures.summary("x1-e0", 0, Termination.MAX_STEPS);
        recordWithoutTrajectory(quiet);

        report(TestReporters.NO_CARLA_RUNNER, new ExperimentCompleted("x1", config(1.0), List.of(quiet), null), DONE);

        JsonNode metrics = json("x1").get("metrics");
        for (String share : List.of(
                "locationAccuracy",
                "actionAccuracy",
                "destinationAccuracy",
                "allThreeAccuracy",
                "validationRate",
                "meanConfidence",
                "expectedCalibrationError",
                "locationErrorM",
                "locationErrorMInterval")) {
            assertThat(metrics.get(share).isNull()).as(share).isTrue();
        }
        assertThat(json("x1").get("episodes").get(0).get("allThreeAccuracy").isNull())
                .isTrue();
        String html = html("x1");
        assertThat(html).contains(HtmlReport.NO_NOTES, "No notes to calibrate.");
        assertThat(html)
                .as("the episode's all-three accuracy")
                .contains("<td class=\"num\">0</td><td class=\"num\">n/a</td></tr>");
        assertThat(html)
                .doesNotContain("location accuracy")
                .doesNotContain("localisation error")
                .doesNotContain("0.0 % (");
    }

    @Test
    void comparesWithThePreviousRunOfTheSameMapAndAgentNamingWhatGotWorse() {
        EpisodeSummary before = record("x1", 0, Fixtures.leftTurn(Maneuver.TURN_LEFT, null));
        report(
                TestReporters.NO_CARLA_RUNNER,
                new ExperimentCompleted("x1", config(1.0), List.of(before), null),
                DONE.minusSeconds(86_400));
        EpisodeSummary after = record("x2", 0, Fixtures.leftTurn(Maneuver.GO_STRAIGHT, null));

        report(TestReporters.NO_CARLA_RUNNER, new ExperimentCompleted("x2", config(8.0), List.of(after), null), DONE);

        JsonNode compared = json("x2").get("comparedToPrevious");
        assertThat(compared.get("experimentId").asString()).isEqualTo("x1");
        assertThat(compared.get("day").asString()).isEqualTo("2026-11-23");
        List<String> worse = new ArrayList<>();
        compared.get("worse").forEach(w -> worse.add(w.asString()));
        assertThat(worse)
                .as("the junction note now declares go_straight through a left turn")
                .contains("actionAccuracy", "allThreeAccuracy")
                .doesNotContain("locationAccuracy", "drivingScore");
        JsonNode condition = compared.get("conditions").get(0);
        assertThat(condition.get("condition").asString()).isEqualTo("gnssNoiseM");
        assertThat(condition.get("previous").asString()).isEqualTo("1.0");
        assertThat(condition.get("current").asString()).isEqualTo("8.0");
        assertThat(html("x2")).contains("Worse than the previous run", "action accuracy: 100.0 % → 66.7 %");
        assertThat(json("x1").get("comparedToPrevious").isNull()).isTrue();
    }
}

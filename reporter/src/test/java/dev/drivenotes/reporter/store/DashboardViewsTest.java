package dev.drivenotes.reporter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.gcp.testing.TerraformConfig;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.NoteWriter;
import dev.drivenotes.reporter.report.TestReporters;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Each dashboard view, created in the DuckDB file from bigquery/views/, run over one stored
 * experiment (two episodes: a clean one and one that ran a red light, hit a vehicle and noted the
 * junction wrong) and held to the numbers of that experiment's report.json.
 */
class DashboardViewsTest {

    @TempDir
    static Path dir;

    private static JsonNode report;
    private static final Map<String, List<Map<String, Object>>> rows = new HashMap<>();

    @BeforeAll
    static void storeOneExperimentAndQueryEveryView() throws Exception {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ExperimentConfig config = ExperimentConfig.of("views", 2).withDay(today);
        LocalFolderArtifactStore artifacts = new LocalFolderArtifactStore(dir.resolve("artifacts"));
        Path file = dir.resolve("reporter.duckdb");
        try (DuckDbMetricsSink sink = new DuckDbMetricsSink(file)) {
            EpisodeSummary clean = Fixtures.summary("v-e0", 0, Termination.REACHED_DESTINATION);
            EpisodeSummary rough = Fixtures.summaryBuilder("v-e1", 1, Termination.OFF_ROAD)
                    .routeCompletion(0.6)
                    .infractions(new Infractions(0, 1, 0, 1, 0))
                    .laneInvasions(2)
                    .offRoad(true)
                    .build();
            record(sink, clean, Maneuver.TURN_LEFT, null);
            record(sink, rough, Maneuver.GO_STRAIGHT, new MapPoint(50, 0));
            TestReporters.report(
                    TestReporters.create(
                            sink,
                            artifacts,
                            event -> CompletableFuture.completedFuture(null),
                            Clock.fixed(now, ZoneOffset.UTC)),
                    new ExperimentCompleted("v", config, List.of(clean, rough), null),
                    now);
        }
        report = Json.mapper().readTree(artifacts.get(artifacts.uriOf(ArtifactKeys.reportJson("v"))));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = c.createStatement()) {
            for (String view : DashboardViews.VIEWS) {
                rows.put(view, read(s.executeQuery("SELECT * FROM " + view)));
            }
        }
    }

    private static void record(DuckDbMetricsSink sink, EpisodeSummary summary, Maneuver declared, MapPoint gnss) {
        List<Note> notes = new NoteWriter(Fixtures.MATCHER).write("v", summary, Fixtures.leftTurn(declared, gnss));
        sink.recordEpisode(
                new EpisodeCompleted(
                        "v", ExperimentConfig.DEFAULT_MAP, "file:/nowhere/" + summary.episodeId(), summary, null),
                notes,
                NoteScorer.score(List.of(summary), notes));
    }

    private static List<Map<String, Object>> read(ResultSet rs) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
            }
            out.add(row);
        }
        return out;
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    /** The checks, one per view: every view of DashboardViews.VIEWS has one. */
    private static final Map<String, BiConsumer<List<Map<String, Object>>, JsonNode>> CHECKS = Map.of(
            "daily_note_accuracy", DashboardViewsTest::noteAccuracy,
            "accuracy_by_map_agent", DashboardViewsTest::byMapAndAgent,
            "action_confusion", DashboardViewsTest::actionConfusion,
            "calibration", DashboardViewsTest::calibration,
            "driving_score", DashboardViewsTest::drivingScore,
            "accuracy_by_condition", DashboardViewsTest::byCondition);

    @Test
    void everyDashboardViewIsCheckedAndTerraformCreatesTheSameOnes() {
        assertThat(CHECKS.keySet()).containsExactlyInAnyOrderElementsOf(DashboardViews.VIEWS);
        Object terraform = TerraformConfig.root("bigquery.tf")
                .moduleCall("dashboard_views")
                .get("views");
        assertThat(((List<?>) terraform).stream().map(String::valueOf).toList())
                .containsExactlyElementsOf(DashboardViews.VIEWS);
    }

    @Test
    void eachLocalViewAnswersWithTheNumbersOfReportJson() {
        assertThat(report.get("metrics").get("noteCount").asInt())
                .as("the experiment has notes")
                .isEqualTo(6);
        CHECKS.forEach((view, check) -> {
            assertThat(rows.get(view)).as(view).isNotEmpty();
            check.accept(rows.get(view), report);
        });
    }

    private static void noteAccuracy(List<Map<String, Object>> view, JsonNode r) {
        JsonNode m = r.get("metrics");
        assertThat(view).singleElement().satisfies(row -> {
            assertThat(row.get("day")).isEqualTo(LocalDate.parse(r.get("day").asString()));
            assertThat(number(row, "notes")).isEqualTo(m.get("noteCount").asDouble());
            for (String share : List.of(
                    "locationAccuracy",
                    "actionAccuracy",
                    "destinationAccuracy",
                    "allThreeAccuracy",
                    "validationRate")) {
                assertThat(number(row, snake(share)))
                        .as(share)
                        .isCloseTo(m.get(share).asDouble(), within(1e-9));
            }
            assertThat(number(row, "mean_confidence"))
                    .isCloseTo(m.get("meanConfidence").asDouble(), within(1e-9));
            assertThat(number(row, "experiments")).isEqualTo(1);
        });
    }

    private static void byMapAndAgent(List<Map<String, Object>> view, JsonNode r) {
        JsonNode m = r.get("metrics");
        assertThat(view).singleElement().satisfies(row -> {
            assertThat(row.get("map")).isEqualTo(r.get("map").asString());
            assertThat(row.get("agent")).isEqualTo(r.get("agent").asString());
            assertThat(number(row, "all_three_accuracy"))
                    .isCloseTo(m.get("allThreeAccuracy").asDouble(), within(1e-9));
            assertThat(number(row, "location_accuracy"))
                    .isCloseTo(m.get("locationAccuracy").asDouble(), within(1e-9));
            assertThat(number(row, "route_completion"))
                    .isCloseTo(m.get("routeCompletion").asDouble(), within(1e-9));
            assertThat(number(row, "driving_score"))
                    .isCloseTo(m.get("drivingScore").asDouble(), within(1e-9));
        });
    }

    private static void byCondition(List<Map<String, Object>> view, JsonNode r) {
        JsonNode m = r.get("metrics");
        assertThat(view).singleElement().satisfies(row -> {
            assertThat(row.get("condition")).isEqualTo(r.get("condition").asString());
            assertThat(row.get("map")).isEqualTo(r.get("map").asString());
            assertThat(number(row, "notes")).isEqualTo(m.get("noteCount").asDouble());
            assertThat(number(row, "location_accuracy"))
                    .isCloseTo(m.get("locationAccuracy").asDouble(), within(1e-9));
            assertThat(number(row, "action_accuracy"))
                    .isCloseTo(m.get("actionAccuracy").asDouble(), within(1e-9));
            assertThat(number(row, "destination_accuracy"))
                    .isCloseTo(m.get("destinationAccuracy").asDouble(), within(1e-9));
            assertThat(number(row, "mean_location_error_m"))
                    .isCloseTo(m.get("locationErrorM").asDouble(), within(1e-9));
        });
    }

    @Test
    void theConditionViewCountsNotesWithoutAConditionAsTheDefaultOne() {
        assertThat(DashboardViews.bigQuerySql("accuracy_by_condition")).contains("'" + Condition.DEFAULT + "'");
    }

    private static void actionConfusion(List<Map<String, Object>> view, JsonNode r) {
        JsonNode confusion = r.get("actionConfusion");
        Map<String, Integer> expected = new HashMap<>();
        for (int t = 0; t < confusion.get("actions").size(); t++) {
            for (int d = 0; d < confusion.get("actions").size(); d++) {
                int count = confusion.get("counts").get(t).get(d).asInt();
                if (count > 0) {
                    expected.put(
                            confusion.get("actions").get(t).asString() + " → "
                                    + confusion.get("actions").get(d).asString(),
                            count);
                }
            }
        }
        Map<String, Integer> actual = new HashMap<>();
        view.forEach(row ->
                actual.put(row.get("truth_action") + " → " + row.get("declared_action"), (int) number(row, "notes")));
        assertThat(actual).isEqualTo(expected).containsEntry("turn_left → go_straight", 1);
    }

    private static void calibration(List<Map<String, Object>> view, JsonNode r) {
        JsonNode calibration = r.get("calibration");
        List<JsonNode> bins = new ArrayList<>();
        calibration.get("bins").forEach(b -> {
            if (b.get("noteCount").asInt() > 0) {
                bins.add(b);
            }
        });
        assertThat(view).hasSize(bins.size());
        for (JsonNode bin : bins) {
            Map<String, Object> row = view.stream()
                    .filter(v -> Math.abs(number(v, "min_confidence")
                                    - bin.get("minConfidence").asDouble())
                            < 1e-9)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row for bin " + bin));
            assertThat(number(row, "max_confidence"))
                    .isCloseTo(bin.get("maxConfidence").asDouble(), within(1e-9));
            assertThat(number(row, "notes")).isEqualTo(bin.get("noteCount").asDouble());
            assertThat(number(row, "all_three_accuracy"))
                    .isCloseTo(bin.get("accuracy").asDouble(), within(1e-9));
            assertThat(number(row, "mean_confidence"))
                    .isCloseTo(bin.get("meanConfidence").asDouble(), within(1e-9));
            assertThat(number(row, "expected_calibration_error"))
                    .isCloseTo(calibration.get("expectedCalibrationError").asDouble(), within(1e-9));
        }
    }

    private static void drivingScore(List<Map<String, Object>> view, JsonNode r) {
        JsonNode m = r.get("metrics");
        JsonNode infractions = m.get("infractions");
        assertThat(view).singleElement().satisfies(row -> {
            assertThat(number(row, "episodes")).isEqualTo(m.get("episodes").asDouble());
            assertThat(number(row, "driving_score"))
                    .isCloseTo(m.get("drivingScore").asDouble(), within(1e-9));
            assertThat(number(row, "route_completion"))
                    .isCloseTo(m.get("routeCompletion").asDouble(), within(1e-9));
            assertThat(number(row, "collisions")).isEqualTo(m.get("collisions").asDouble());
            assertThat(number(row, "collisions_vehicle"))
                    .isEqualTo(infractions.get("collisionsVehicle").asDouble());
            assertThat(number(row, "red_light_runs"))
                    .isEqualTo(infractions.get("redLightRuns").asDouble());
            assertThat(number(row, "stop_sign_runs"))
                    .isEqualTo(infractions.get("stopSignRuns").asDouble());
            assertThat(number(row, "lane_invasions"))
                    .isEqualTo(m.get("laneInvasions").asDouble());
            assertThat(number(row, "off_road_episodes"))
                    .isEqualTo(m.get("offRoadCount").asDouble());
        });
        assertThat(m.get("drivingScore").asDouble())
                .as("the rough episode pays its infractions")
                .isLessThan(0.9);
    }

    /** "locationAccuracy" → "location_accuracy". */
    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void translatesTheBigQueryFunctionsTheViewsUse() {
        String sql =
                "SELECT SAFE_DIVIDE(SUM(a * SAFE_DIVIDE(b, c)), SUM(d)) AS x FROM `${dataset}.metrics_daily_latest`"
                        + " JOIN `${dataset}.notes` USING (id) WHERE day >= DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY)"
                        + " AND CAST(e AS INT64) > 0";

        assertThat(DashboardViews.toDuckDb(sql))
                .isEqualTo("SELECT ((SUM(a * ((b) / NULLIF((c), 0)))) / NULLIF((SUM(d)), 0)) AS x FROM metrics_daily"
                        + " JOIN notes USING (id) WHERE day >= ((current_date) - INTERVAL 30 DAY)"
                        + " AND CAST(e AS BIGINT) > 0");
    }
}

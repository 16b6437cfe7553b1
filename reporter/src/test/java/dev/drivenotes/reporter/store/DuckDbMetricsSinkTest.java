package dev.drivenotes.reporter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ExperimentStarted;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.DrivingScore;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.note.CalibrationBucket;
import dev.drivenotes.reporter.note.DrivingMetrics;
import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.NoteWriter;
import dev.drivenotes.reporter.note.Scorecard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbMetricsSinkTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final ExperimentConfig CONFIG = ExperimentConfig.of("daily", 2);

    @TempDir
    Path dir;

    private Path file;
    private DuckDbMetricsSink sink;

    @BeforeEach
    void open() {
        file = dir.resolve("reporter/drivenotes.duckdb");
        sink = new DuckDbMetricsSink(file);
    }

    @AfterEach
    void close() {
        sink.close();
    }

    private static EpisodeCompleted episode(int index) {
        EpisodeSummary summary = Fixtures.summary("x1-e" + index, index, Termination.REACHED_DESTINATION);
        return new EpisodeCompleted("x1", "default-town", "file:/tmp/x1-e" + index + ".jsonl.gz", summary, null);
    }

    private static List<Note> notesOf(EpisodeCompleted episode) {
        return new NoteWriter(Fixtures.MATCHER)
                .write("x1", episode.summary(), Fixtures.leftTurn(Maneuver.TURN_LEFT, null));
    }

    private void record(EpisodeCompleted episode, List<Note> notes) {
        sink.recordEpisode(episode, notes, NoteScorer.score(List.of(episode.summary()), notes));
    }

    /** Runs {@code statements} on the file itself, as an older build or another tool left it (the sink closed). */
    private void onTheFile(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** {@code metrics_daily} as it was before daily rows had a condition, with one row of 3 experiments. */
    private static final String[] DAILY_TABLE_BEFORE_CONDITIONS = {
        "CREATE TABLE metrics_daily (day DATE NOT NULL, map VARCHAR NOT NULL, agent VARCHAR NOT NULL,"
                + " experiments INTEGER NOT NULL, " + DuckDbSchema.NOTE_METRICS + ", "
                + DuckDbSchema.DRIVING_METRICS + ", PRIMARY KEY (day, map, agent))",
        "INSERT INTO metrics_daily VALUES (DATE '2026-11-24', 'default-town', 'dreamer', 3,"
                + " 2, 0.5, 0.5, 1.0, 0.5, 1.0, 0.8, '[]', 4, 0.5, 0, 0, 0, 5.0, 0.5)"
    };

    @Test
    void keepsOneRowPerNoteWhenTheSameEpisodeIsRecordedTwice() throws Exception {
        EpisodeCompleted e0 = episode(0);
        List<Note> notes = notesOf(e0);

        record(e0, notes);
        record(e0, notes);

        assertThat(sink.notes("x1")).containsExactlyElementsOf(notes);
        assertThat(sink.episodes("x1")).singleElement().satisfies(e -> {
            assertThat(e.summary()).isEqualTo(e0.summary());
            assertThat(e.noteCount()).isEqualTo(3);
            assertThat(e.map()).isEqualTo("default-town");
        });
        assertThat(count("SELECT count(*) FROM notes")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM episodes")).isEqualTo(1);
    }

    @Test
    void dropsNotesThatARecordingNoLongerHas() {
        EpisodeCompleted e0 = episode(0);
        List<Note> notes = notesOf(e0);
        record(e0, notes);

        record(e0, notes.subList(0, 1));

        assertThat(sink.notes("x1")).containsExactly(notes.getFirst());
    }

    @Test
    void readsNotesBackInEpisodeOrder() {
        EpisodeCompleted e1 = episode(1);
        EpisodeCompleted e0 = episode(0);
        record(e1, notesOf(e1));
        record(e0, notesOf(e0));

        assertThat(sink.notes("x1"))
                .extracting(Note::episodeId)
                .containsExactly("x1-e0", "x1-e0", "x1-e0", "x1-e1", "x1-e1", "x1-e1");
        assertThat(sink.episodes("x1")).extracting(e -> e.summary().index()).containsExactly(0, 1);
    }

    @Test
    void movesAnExperimentFromRunningToCompletedOnItsDay() {
        sink.recordStarted("x1", CONFIG, T0);
        assertThat(sink.experiment("x1")).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(ExperimentStatus.RUNNING);
            assertThat(e.agent()).isEqualTo(CONFIG.agent());
        });

        sink.recordCompleted(
                new ExperimentCompleted("x1", CONFIG, List.of(), List.of()), T0.plusSeconds(60), scorecard(0));
        sink.recordStarted("x1", CONFIG, T0);

        assertThat(sink.experiment("x1")).map(ExperimentRecord::status).hasValue(ExperimentStatus.COMPLETED);
        assertThat(sink.completedExperiments(
                        LocalDate.parse("2026-11-24"), "default-town", CONFIG.agent(), Condition.DEFAULT))
                .containsExactly("x1");
        assertThat(sink.completedExperiments(
                        LocalDate.parse("2026-11-25"), "default-town", CONFIG.agent(), Condition.DEFAULT))
                .isEmpty();
        assertThat(sink.experiment("nope")).isEmpty();
    }

    @Test
    void storesEveryScorecardColumnOfACompletedExperiment() throws Exception {
        Scorecard card = scorecard(0);
        sink.recordStarted("x1", CONFIG, T0);

        sink.recordCompleted(new ExperimentCompleted("x1", CONFIG, List.of(), List.of()), T0.plusSeconds(60), card);

        Map<String, Object> row = row("SELECT * FROM experiments WHERE experiment_id = 'x1'");
        assertThat(row).containsAllEntriesOf(columnsOf(card));
        assertThat(calibrationOf(row)).isEqualTo(card.notes().calibration());
        assertThat(row).containsEntry("status", "COMPLETED").containsEntry("day", LocalDate.parse("2026-11-24"));
    }

    @Test
    void storesEveryNoteMetricOfAnEpisodeBesideItsSummary() throws Exception {
        EpisodeSummary summary = new EpisodeSummary(
                "x1-e3",
                3,
                43,
                417,
                Termination.MAX_STEPS,
                0.61,
                new Infractions(1, 2, 3, 4, 6),
                5,
                true,
                7.25,
                312.5,
                "City Hall",
                "Museum",
                0,
                0,
                null,
                null);
        EpisodeCompleted episode =
                new EpisodeCompleted("x1", "default-town", "file:/tmp/x1-e3.jsonl.gz", summary, null);
        Scorecard card = scorecard(0);

        sink.recordEpisode(episode, List.of(), card);

        assertThat(sink.episodes("x1"))
                .singleElement()
                .satisfies(e -> assertThat(e.summary()).isEqualTo(summary));
        Map<String, Object> row = row("SELECT * FROM episodes WHERE episode_id = 'x1-e3'");
        assertThat(row).containsAllEntriesOf(noteColumnsOf(card.notes()));
        assertThat(calibrationOf(row)).isEqualTo(card.notes().calibration());
        assertThat(row)
                .containsEntry("artifact_uri", "file:/tmp/x1-e3.jsonl.gz")
                .containsEntry("collisions", 6)
                .containsEntry("collisions_pedestrian", 1)
                .containsEntry("collisions_vehicle", 2)
                .containsEntry("collisions_static", 3)
                .containsEntry("red_light_runs", 4)
                .containsEntry("stop_sign_runs", 6)
                .containsEntry("driving_score", DrivingScore.of(summary));
    }

    @Test
    void keepsWhoDroveAnEpisodeAndWhichModelsAnsweredIt() {
        EpisodeSummary summary = Fixtures.summaryBuilder("x1-e0", 0, Termination.REACHED_DESTINATION)
                .routeDeviations(12)
                .controlClamps(3)
                .runner("runner-a")
                .modelVersions("dreamer:100:aaaaaaaaaaaa", "dreamer:200:bbbbbbbbbbbb")
                .build();
        EpisodeCompleted episode =
                new EpisodeCompleted("x1", "default-town", "file:/tmp/x1-e0.jsonl.gz", summary, null);

        record(episode, notesOf(episode));

        assertThat(sink.episodes("x1"))
                .singleElement()
                .satisfies(e -> assertThat(e.summary()).isEqualTo(summary));
    }

    @Test
    void addsTheProvenanceColumnsToAFileWrittenBeforeThemAndReadsOldEpisodesAsNotRecorded() throws Exception {
        EpisodeCompleted episode = episode(0);
        record(episode, notesOf(episode));
        sink.close();
        onTheFile(Stream.of("route_deviations", "control_clamps", "runner", "model_versions_json")
                .map(column -> "ALTER TABLE episodes DROP COLUMN " + column)
                .toArray(String[]::new));

        sink = new DuckDbMetricsSink(file);

        assertThat(sink.episodes("x1")).singleElement().satisfies(e -> {
            assertThat(e.summary().modelVersions()).isNull();
            assertThat(e.summary().runner()).isNull();
            assertThat(e.summary().controlClamps()).isZero();
        });
    }

    @Test
    void addsTheInfractionColumnsToAFileWrittenBeforeThemAndReadsOldEpisodesAsClean() throws Exception {
        EpisodeCompleted episode = episode(0);
        sink.recordEpisode(episode, notesOf(episode), scorecard(0));
        sink.close();
        onTheFile(Stream.of(
                        "collisions_pedestrian",
                        "collisions_vehicle",
                        "collisions_static",
                        "red_light_runs",
                        "stop_sign_runs")
                .map(column -> "ALTER TABLE episodes DROP COLUMN " + column)
                .toArray(String[]::new));

        sink = new DuckDbMetricsSink(file);

        assertThat(sink.episodes("x1"))
                .singleElement()
                .satisfies(e -> assertThat(e.summary()).isEqualTo(episode.summary()));
        assertThat(row("SELECT red_light_runs, stop_sign_runs FROM episodes"))
                .containsEntry("red_light_runs", 0)
                .containsEntry("stop_sign_runs", 0);
    }

    @Test
    void storesTheExperimentsConditionOnItsExperimentEpisodeAndNoteRows() throws Exception {
        ExperimentConfig config = ExperimentConfigBuilder.experiment("noisy")
                .agent("random")
                .episodes(1)
                .npcCount(20)
                .gnssNoiseM(5.0)
                .gnssDropoutRate(0.1)
                .npcAggressiveness(0.9)
                .build();
        String condition = Condition.of(config);
        sink.recordStarted("x1", config, T0);
        EpisodeSummary summary = Fixtures.summary("x1-e0", 0, Termination.REACHED_DESTINATION);
        EpisodeCompleted episode = new EpisodeCompleted("x1", "default-town", "file:/tmp/x1-e0", summary, condition);
        record(episode, notesOf(episode));

        assertThat(condition).isEqualTo("gnss5m-drop0.1-npc20-aggr0.9-dt0.05");
        assertThat(row("SELECT condition FROM experiments")).containsEntry("condition", condition);
        assertThat(row("SELECT condition FROM episodes")).containsEntry("condition", condition);
        assertThat(count("SELECT count(*) FROM notes WHERE condition = '" + condition + "'"))
                .isEqualTo(notesOf(episode).size())
                .isPositive();
    }

    @Test
    void addsTheConditionColumnToAFileWrittenBeforeItAndReadsOldRowsAsTheDefaultCondition() throws Exception {
        sink.recordStarted("x1", CONFIG, T0);
        EpisodeCompleted episode = episode(0);
        record(episode, notesOf(episode));
        sink.close();
        onTheFile(Stream.of("experiments", "episodes", "notes")
                .map(table -> "ALTER TABLE " + table + " DROP COLUMN condition")
                .toArray(String[]::new));

        sink = new DuckDbMetricsSink(file);

        assertThat(sink.notes("x1")).hasSize(notesOf(episode).size());
        assertThat(row("SELECT condition FROM experiments")).containsEntry("condition", Condition.DEFAULT);
        assertThat(count("SELECT count(*) FROM notes WHERE condition = '" + Condition.DEFAULT + "'"))
                .isEqualTo(notesOf(episode).size());
        assertThat(row("SELECT condition FROM episodes")).containsEntry("condition", Condition.DEFAULT);
    }

    @Test
    void addsTheLocationErrorColumnToAFileWrittenBeforeItAndReadsOldNotesWithoutOne() throws Exception {
        EpisodeCompleted episode = episode(0);
        List<Note> notes = notesOf(episode);
        assertThat(notes).allSatisfy(n -> assertThat(n.locationErrorM()).isNotNull());
        record(episode, notes);
        sink.close();
        onTheFile("ALTER TABLE notes DROP COLUMN location_error_m");

        sink = new DuckDbMetricsSink(file);

        assertThat(sink.notes("x1"))
                .hasSize(notes.size())
                .allSatisfy(n -> assertThat(n.locationErrorM()).isNull());
        record(episode, notes);
        assertThat(sink.notes("x1")).containsExactlyElementsOf(notes);
    }

    @Test
    void recordsAFailureEvenWithoutAStart() {
        sink.recordFailed("x2", "carla-runner unreachable", T0);

        assertThat(sink.experiment("x2")).map(ExperimentRecord::status).hasValue(ExperimentStatus.FAILED);
    }

    @Test
    void recordsACancellationThatALateStartDoesNotUndo() {
        sink.recordStarted("x3", CONFIG, T0);
        sink.recordCancelled("x3", "cancelled by operator", T0.plusSeconds(5));
        sink.recordStarted("x3", CONFIG, T0);

        assertThat(sink.experiment("x3")).map(ExperimentRecord::status).hasValue(ExperimentStatus.CANCELLED);
        assertThat(sink.completedExperiments(
                        LocalDate.parse("2026-11-24"), CONFIG.map(), CONFIG.agent(), Condition.DEFAULT))
                .isEmpty();
    }

    @Test
    void writesAnEventsLedgerEntryInTheTransactionOfWhatItRecordsOrNotAtAll() {
        EpisodeCompleted episode = episode(0);
        EventEnvelope event = EventEnvelope.wrap(episode, T0);

        assertThatThrownBy(() -> sink.recordHandled(event, T0, () -> {
                    sink.recordEpisode(episode, notesOf(episode), scorecard(0));
                    throw new IllegalStateException("crash before the ledger entry");
                }))
                .hasMessageContaining("crash");

        assertThat(sink.episodes("x1")).as("rolled back with the ledger entry").isEmpty();
        assertThat(sink.notes("x1")).isEmpty();
        assertThat(sink.processed(event.eventId())).isFalse();

        sink.recordHandled(event, T0, () -> sink.recordEpisode(episode, notesOf(episode), scorecard(0)));

        assertThat(sink.episodes("x1")).hasSize(1);
        assertThat(sink.processed(event.eventId())).isTrue();
    }

    @Test
    void replacesTheDailyAggregateOfADayMapAndAgentKeepingEveryScorecardColumn() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-24");
        Scorecard later = scorecard(0.01);
        sink.recordDaily(new DailyMetrics(day, "default-town", "autopilot", Condition.DEFAULT, 1, scorecard(0)));
        sink.recordDaily(new DailyMetrics(day, "default-town", "autopilot", Condition.DEFAULT, 2, later));
        sink.recordDaily(new DailyMetrics(day, "default-town", "dreamer", Condition.DEFAULT, 1, scorecard(0.02)));

        assertThat(count("SELECT count(*) FROM metrics_daily")).isEqualTo(2);
        Map<String, Object> row = row("SELECT * FROM metrics_daily WHERE agent = 'autopilot'");
        assertThat(row)
                .containsEntry("day", day)
                .containsEntry("map", "default-town")
                .containsEntry("experiments", 2)
                .containsAllEntriesOf(columnsOf(later));
        assertThat(calibrationOf(row)).isEqualTo(later.notes().calibration());
    }

    @Test
    void aDayWithTwoConditionsHasTwoDailyRowsOfTheSameMapAndAgent() {
        LocalDate day = LocalDate.parse("2026-11-24");
        String noisy = "gnss5m-drop0-npc20-aggr0.5-dt0.05";
        DailyMetrics calm = new DailyMetrics(day, "default-town", "dreamer", Condition.DEFAULT, 1, scorecard(0));
        DailyMetrics hard = new DailyMetrics(day, "default-town", "dreamer", noisy, 2, scorecard(0.02));
        sink.recordDaily(calm);
        sink.recordDaily(hard);
        sink.recordDaily(hard);

        assertThat(sink.dailyBetween(day, day)).containsExactly(calm, hard);
    }

    @Test
    void keysTheDailyRowsOfAFileWrittenBeforeConditionsByConditionAndReadsThemAsTheDefaultOne() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-24");
        sink.close();
        Files.delete(file);
        onTheFile(DAILY_TABLE_BEFORE_CONDITIONS);

        sink = new DuckDbMetricsSink(file);

        assertThat(sink.dailyBetween(day, day)).singleElement().satisfies(d -> {
            assertThat(d.condition()).isEqualTo(Condition.DEFAULT);
            assertThat(d.experiments()).isEqualTo(3);
            assertThat(d.scorecard().driving().routeCompletion()).isEqualTo(0.5);
        });
        DailyMetrics noisy =
                new DailyMetrics(day, "default-town", "dreamer", "gnss5m-drop0-npc20-aggr0.5-dt0.05", 1, scorecard(0));
        sink.recordDaily(noisy);
        assertThat(sink.dailyBetween(day, day))
                .as("the old row and a row of another condition side by side")
                .hasSize(2)
                .contains(noisy);
        sink.close();
        sink = new DuckDbMetricsSink(file);
        assertThat(sink.dailyBetween(day, day))
                .as("opened again, nothing to migrate")
                .hasSize(2);
    }

    @Test
    void aDailyKeyMigrationThatFailsHalfWayLeavesTheOldTableAndItsRowsAsTheyWere() throws Exception {
        // the schema is created in one transaction (DuckDbMetricsSink): a failure, or a kill, rolls it all back
        sink.close();
        Files.delete(file);
        onTheFile(DAILY_TABLE_BEFORE_CONDITIONS);
        // a column the new table lacks: the migration's copy of the rows fails after it has renamed
        // the old table and created the new one
        onTheFile("ALTER TABLE metrics_daily ADD COLUMN legacy INTEGER");

        assertThatThrownBy(() -> new DuckDbMetricsSink(file))
                .isInstanceOf(MetricsSinkException.class)
                .hasMessageContaining("legacy");

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT experiments FROM metrics_daily")) {
            assertThat(rows.next()).as("the old row is still in metrics_daily").isTrue();
            assertThat(rows.getInt(1)).isEqualTo(3);
            assertThat(rows.next()).isFalse();
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet columns = s.executeQuery("SELECT count(*) FROM information_schema.columns"
                        + " WHERE table_name = 'metrics_daily' AND column_name = 'condition'")) {
            assertThat(columns.next()).isTrue();
            assertThat(columns.getLong(1)).as("not half-migrated").isZero();
        }
        onTheFile("ALTER TABLE metrics_daily DROP COLUMN legacy");
        sink = new DuckDbMetricsSink(file);
        assertThat(sink.dailyBetween(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-24")))
                .as("migrated on the next start")
                .singleElement()
                .satisfies(d -> assertThat(d.experiments()).isEqualTo(3));
    }

    @Test
    void remembersProcessedEventsAcrossRestarts() {
        EventEnvelope event = EventEnvelope.wrap(new ExperimentStarted("x1", CONFIG), T0);
        assertThat(sink.processed(event.eventId())).isFalse();

        sink.recordHandled(event, T0, () -> sink.recordStarted("x1", CONFIG, T0));
        sink.recordHandled(event, T0.plusSeconds(1), () -> {});
        sink.close();
        sink = new DuckDbMetricsSink(file);

        assertThat(sink.processed(event.eventId())).isTrue();
    }

    /**
     * A scorecard whose every metric has a value of its own ({@code shift} moves them all), so a
     * swapped or dropped column cannot read back equal.
     */
    private static Scorecard scorecard(double shift) {
        List<CalibrationBucket> calibration = List.of(
                new CalibrationBucket(0.0, 0.2, 1, 0.0, 0.15 + shift),
                new CalibrationBucket(0.2, 0.4, 0, 0.0, 0.0),
                new CalibrationBucket(0.4, 0.6, 2, 0.5, 0.52 + shift),
                new CalibrationBucket(0.6, 0.8, 1, 1.0, 0.71 + shift),
                new CalibrationBucket(0.8, 1.0, 3, 0.67, 0.91 + shift));
        return new Scorecard(
                new NoteMetrics(
                        7,
                        0.11 + shift,
                        0.22 + shift,
                        0.33 + shift,
                        0.44 + shift,
                        0.55 + shift,
                        0.66 + shift,
                        calibration),
                new DrivingMetrics(5, 0.77 + shift, 3, 4, 2, 8.5 + shift, 0.88 + shift));
    }

    /** The note metric columns, named as in the schema, with the values they must hold (calibration aside). */
    private static Map<String, Object> noteColumnsOf(NoteMetrics n) {
        return Map.of(
                "note_count", n.noteCount(),
                "location_accuracy", n.locationAccuracy(),
                "action_accuracy", n.actionAccuracy(),
                "destination_accuracy", n.destinationAccuracy(),
                "all_three_accuracy", n.allThreeAccuracy(),
                "validation_rate", n.validationRate(),
                "mean_confidence", n.meanConfidence());
    }

    /** Every metric column of a scorecard (calibration aside). */
    private static Map<String, Object> columnsOf(Scorecard card) {
        DrivingMetrics d = card.driving();
        Map<String, Object> columns = new HashMap<>(noteColumnsOf(card.notes()));
        columns.putAll(Map.of(
                "episodes", d.episodes(),
                "route_completion", d.routeCompletion(),
                "collisions", d.collisions(),
                "lane_invasions", d.laneInvasions(),
                "off_road_count", d.offRoadCount(),
                "mean_speed_mps", d.meanSpeedMps(),
                "driving_score", d.drivingScore()));
        return columns;
    }

    private static List<CalibrationBucket> calibrationOf(Map<String, Object> row) {
        return List.of(Json.mapper().readValue((String) row.get("calibration_json"), CalibrationBucket[].class));
    }

    /** The single row a query answers, column name → value, read with the sink closed (one writer per file). */
    private Map<String, Object> row(String sql) throws Exception {
        sink.close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row for %s", sql).isTrue();
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> row = new HashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value != null) {
                    row.put(meta.getColumnName(i), value);
                }
            }
            assertThat(rs.next()).as("one row for %s", sql).isFalse();
            return row;
        } finally {
            sink = new DuckDbMetricsSink(file);
        }
    }

    private long count(String sql) throws Exception {
        sink.close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } finally {
            sink = new DuckDbMetricsSink(file);
        }
    }
}

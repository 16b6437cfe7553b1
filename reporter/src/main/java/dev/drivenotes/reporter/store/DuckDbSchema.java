package dev.drivenotes.reporter.store;

import dev.drivenotes.model.experiment.Condition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables, as BigQuery will hold them: {@code experiments}, {@code episodes}, {@code notes},
 * {@code metrics_daily}, plus {@code processed_events} for idempotent consumption. Created when
 * missing; every key is an id, so writes are upserts.
 */
final class DuckDbSchema {

    static final String NOTE_METRICS = """
            note_count INTEGER, location_accuracy DOUBLE, action_accuracy DOUBLE, destination_accuracy DOUBLE,
            all_three_accuracy DOUBLE, validation_rate DOUBLE, mean_confidence DOUBLE, calibration_json VARCHAR""";

    static final String DRIVING_METRICS = """
            episodes INTEGER, route_completion DOUBLE, collisions INTEGER, lane_invasions INTEGER,
            off_road_count INTEGER, mean_speed_mps DOUBLE, driving_score DOUBLE""";

    /** An episode's infractions by kind, beside its total {@code collisions}. */
    static final String INFRACTIONS = """
            collisions_pedestrian INTEGER DEFAULT 0, collisions_vehicle INTEGER DEFAULT 0,
            collisions_static INTEGER DEFAULT 0, red_light_runs INTEGER DEFAULT 0, stop_sign_runs INTEGER DEFAULT 0""";

    /**
     * What an episode's summary says beside its scores: steps off its route, controls clamped, the
     * runner that drove it and the model versions that answered it (a JSON array, null when not
     * recorded). Rows written before these columns read 0, 0, null, null.
     */
    static final String EPISODE_PROVENANCE = """
            route_deviations INTEGER DEFAULT 0, control_clamps INTEGER DEFAULT 0, runner VARCHAR,
            model_versions_json VARCHAR""";

    /**
     * The experiment's {@link Condition} on experiments, episodes, notes and daily rows; rows written
     * before conditions existed read as {@link Condition#DEFAULT}.
     */
    static final String CONDITION = "condition VARCHAR DEFAULT '" + Condition.DEFAULT + "'";

    /**
     * A note's localisation error in metres ({@code Note.locationErrorM}); null in rows written before
     * it was recorded.
     */
    static final String LOCATION_ERROR = "location_error_m DOUBLE";

    /** {@code metrics_daily}, keyed by day, map, agent and condition. */
    private static final String METRICS_DAILY = """
            CREATE TABLE IF NOT EXISTS metrics_daily (
              day DATE NOT NULL, map VARCHAR NOT NULL, agent VARCHAR NOT NULL, %s NOT NULL, experiments INTEGER NOT NULL,
              %s, %s, PRIMARY KEY (day, map, agent, condition))""".formatted(CONDITION, NOTE_METRICS, DRIVING_METRICS);

    private static final List<String> TABLES = List.of(
            """
            CREATE TABLE IF NOT EXISTS experiments (
              experiment_id VARCHAR PRIMARY KEY, name VARCHAR, map VARCHAR, agent VARCHAR,
              episodes_planned INTEGER, status VARCHAR NOT NULL, failure_reason VARCHAR,
              started_at TIMESTAMP, completed_at TIMESTAMP, day DATE, config_json VARCHAR,
              %s, %s, %s)""".formatted(NOTE_METRICS, DRIVING_METRICS, CONDITION),
            """
            CREATE TABLE IF NOT EXISTS episodes (
              episode_id VARCHAR PRIMARY KEY, experiment_id VARCHAR NOT NULL, map VARCHAR NOT NULL,
              episode_index INTEGER NOT NULL, seed BIGINT NOT NULL, steps INTEGER NOT NULL,
              termination VARCHAR NOT NULL, route_completion DOUBLE NOT NULL, collisions INTEGER NOT NULL,
              lane_invasions INTEGER NOT NULL, off_road BOOLEAN NOT NULL, mean_speed_mps DOUBLE NOT NULL,
              route_length_m DOUBLE NOT NULL, start_place VARCHAR NOT NULL, destination VARCHAR NOT NULL,
              artifact_uri VARCHAR NOT NULL, driving_score DOUBLE NOT NULL, %s, %s, %s, %s)""".formatted(NOTE_METRICS, INFRACTIONS, CONDITION, EPISODE_PROVENANCE),
            """
            CREATE TABLE IF NOT EXISTS notes (
              episode_id VARCHAR NOT NULL, seq INTEGER NOT NULL, experiment_id VARCHAR NOT NULL,
              episode_index INTEGER NOT NULL, step INTEGER NOT NULL, kind VARCHAR NOT NULL, text VARCHAR NOT NULL,
              place VARCHAR NOT NULL, action VARCHAR NOT NULL, next_poi VARCHAR NOT NULL,
              truth_place VARCHAR NOT NULL, truth_action VARCHAR NOT NULL, truth_next_poi VARCHAR NOT NULL,
              location_correct BOOLEAN NOT NULL, action_correct BOOLEAN NOT NULL,
              destination_correct BOOLEAN NOT NULL, all_correct BOOLEAN NOT NULL, valid BOOLEAN NOT NULL,
              confidence DOUBLE NOT NULL, %s, %s, PRIMARY KEY (episode_id, seq))""".formatted(CONDITION, LOCATION_ERROR),
            METRICS_DAILY,
            """
            CREATE TABLE IF NOT EXISTS processed_events (
              event_id VARCHAR PRIMARY KEY, type VARCHAR NOT NULL, experiment_id VARCHAR NOT NULL,
              processed_at TIMESTAMP NOT NULL)""");

    private DuckDbSchema() {}

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : TABLES) {
                statement.execute(ddl);
            }
            // files written before episodes had infraction or provenance columns: add them (existing rows
            // read 0 or null; DuckDB cannot add a column with a NOT NULL constraint, so none of them has one)
            for (String column : (INFRACTIONS + "," + EPISODE_PROVENANCE).split(",")) {
                statement.execute("ALTER TABLE episodes ADD COLUMN IF NOT EXISTS " + column.strip());
            }
            // files written before conditions existed: their rows read as the default condition
            for (String table : List.of("experiments", "episodes", "notes")) {
                statement.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + CONDITION);
            }
            // files written before notes recorded their localisation error: those rows read null
            statement.execute("ALTER TABLE notes ADD COLUMN IF NOT EXISTS " + LOCATION_ERROR);
            addConditionToDailyKey(connection, statement);
        }
    }

    /**
     * Files written before daily rows had a condition key the table by (day, map, agent). DuckDB
     * cannot change a primary key, so the table is rebuilt under the new key with its rows, which
     * read as the default condition (the dashboard views are created again after this).
     */
    private static void addConditionToDailyKey(Connection connection, Statement statement) throws SQLException {
        if (hasColumn(connection, "metrics_daily", "condition")) {
            return;
        }
        for (String view : DashboardViews.VIEWS) {
            statement.execute("DROP VIEW IF EXISTS " + view);
        }
        statement.execute("ALTER TABLE metrics_daily RENAME TO metrics_daily_before_conditions");
        statement.execute(METRICS_DAILY);
        statement.execute("INSERT INTO metrics_daily BY NAME SELECT * FROM metrics_daily_before_conditions");
        statement.execute("DROP TABLE metrics_daily_before_conditions");
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        String sql = "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = ? AND column_name = ?";
        try (PreparedStatement q = DuckDb.bind(connection.prepareStatement(sql), table, column);
                ResultSet rs = q.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }
}

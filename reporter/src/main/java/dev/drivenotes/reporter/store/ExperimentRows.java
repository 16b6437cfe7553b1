package dev.drivenotes.reporter.store;

import static dev.drivenotes.reporter.store.ScorecardColumns.DRIVING;
import static dev.drivenotes.reporter.store.ScorecardColumns.NOTE;

import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.note.Scorecard;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Experiments as rows of the {@code experiments} table, keyed by experiment_id. A start never
 * overwrites a later status; a completion, failure or cancellation sets the experiment's day (UTC)
 * and {@code completed_at} (when it ended).
 */
final class ExperimentRows {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private ExperimentRows() {}

    static void started(Connection c, String experimentId, ExperimentConfig config, Instant startedAt)
            throws SQLException {
        String sql = """
                INSERT INTO experiments (experiment_id, name, map, agent, episodes_planned, status, started_at,
                  config_json, condition) VALUES (?, ?, ?, ?, ?, 'RUNNING', CAST(? AS TIMESTAMP), ?, ?)
                ON CONFLICT (experiment_id) DO UPDATE SET name = excluded.name, map = excluded.map,
                  agent = excluded.agent, episodes_planned = excluded.episodes_planned,
                  started_at = excluded.started_at, config_json = excluded.config_json,
                  condition = excluded.condition""";
        DuckDb.update(
                c,
                sql,
                experimentId,
                config.name(),
                config.map(),
                config.agent(),
                config.episodes(),
                timestamp(startedAt),
                Json.mapper().writeValueAsString(config),
                Condition.of(config));
    }

    static void completed(Connection c, ExperimentCompleted completed, Instant completedAt, Scorecard card)
            throws SQLException {
        ExperimentConfig config = completed.config();
        Object[] values = ScorecardColumns.concat(
                new Object[] {
                    completed.experimentId(),
                    config.name(),
                    config.map(),
                    config.agent(),
                    config.episodes(),
                    timestamp(completedAt),
                    config.dayOr(completedAt).toString(),
                    Json.mapper().writeValueAsString(config),
                    completed.status().name(),
                    completed.failureSummary(),
                    Condition.of(config)
                },
                ScorecardColumns.noteValues(card.notes()),
                ScorecardColumns.drivingValues(card.driving()));
        String sql = "INSERT INTO experiments (experiment_id, name, map, agent, episodes_planned, completed_at, day,"
                + " config_json, status, failure_reason, condition, " + ScorecardColumns.names(NOTE) + ", "
                + ScorecardColumns.names(DRIVING)
                + ") VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS DATE), ?, ?, ?, ?, "
                + ScorecardColumns.placeholders(NOTE.size() + DRIVING.size())
                + ") ON CONFLICT (experiment_id) DO UPDATE SET name = excluded.name, map = excluded.map,"
                + " agent = excluded.agent, episodes_planned = excluded.episodes_planned,"
                + " completed_at = excluded.completed_at, day = excluded.day, config_json = excluded.config_json,"
                + " status = excluded.status, failure_reason = excluded.failure_reason, condition = excluded.condition, "
                + ScorecardColumns.fromExcluded(NOTE) + ", " + ScorecardColumns.fromExcluded(DRIVING);
        DuckDb.update(c, sql, values);
    }

    static void failed(Connection c, String experimentId, String reason, Instant failedAt) throws SQLException {
        String sql = """
                INSERT INTO experiments (experiment_id, status, failure_reason, completed_at, day)
                VALUES (?, 'FAILED', ?, CAST(? AS TIMESTAMP), CAST(? AS DATE))
                ON CONFLICT (experiment_id) DO UPDATE SET status = 'FAILED', failure_reason = excluded.failure_reason,
                  completed_at = excluded.completed_at, day = excluded.day""";
        DuckDb.update(
                c, sql, experimentId, reason, timestamp(failedAt), day(failedAt).toString());
    }

    static void cancelled(Connection c, String experimentId, String reason, Instant cancelledAt) throws SQLException {
        String sql = """
                INSERT INTO experiments (experiment_id, status, failure_reason, completed_at, day)
                VALUES (?, 'CANCELLED', ?, CAST(? AS TIMESTAMP), CAST(? AS DATE))
                ON CONFLICT (experiment_id) DO UPDATE SET status = 'CANCELLED',
                  failure_reason = excluded.failure_reason, completed_at = excluded.completed_at, day = excluded.day""";
        DuckDb.update(
                c,
                sql,
                experimentId,
                reason,
                timestamp(cancelledAt),
                day(cancelledAt).toString());
    }

    static Optional<ExperimentRecord> find(Connection c, String experimentId) throws SQLException {
        String sql = "SELECT experiment_id, name, map, agent, status FROM experiments WHERE experiment_id = ?";
        try (PreparedStatement q = DuckDb.bind(c.prepareStatement(sql), experimentId);
                ResultSet rs = q.executeQuery()) {
            return rs.next()
                    ? Optional.of(new ExperimentRecord(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            ExperimentStatus.valueOf(rs.getString(5))))
                    : Optional.empty();
        }
    }

    static List<String> completedOn(Connection c, LocalDate day, String map, String agent, String condition)
            throws SQLException {
        String sql =
                "SELECT experiment_id FROM experiments WHERE status IN ('COMPLETED', 'COMPLETED_WITH_FAILURES') AND day = CAST(? AS DATE)"
                        + " AND map = ? AND agent = ? AND condition = ? ORDER BY experiment_id";
        List<String> ids = new ArrayList<>();
        try (PreparedStatement q = DuckDb.bind(c.prepareStatement(sql), day.toString(), map, agent, condition);
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Completed experiments whose day lies in [from, to], by day, completion and id. */
    static List<CompletedExperiment> completedBetween(Connection c, LocalDate from, LocalDate to) throws SQLException {
        return completed(
                c,
                "day BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) ORDER BY day, completed_at, experiment_id",
                from.toString(),
                to.toString());
    }

    /**
     * The latest completed experiment of the map and agent before the given one: an earlier day, or
     * the same day and completed earlier (then the lower id first on a tie).
     */
    static Optional<CompletedExperiment> previous(
            Connection c, String map, String agent, LocalDate day, Instant completedAt, String experimentId)
            throws SQLException {
        String where = "map = ? AND agent = ? AND experiment_id <> ? AND (day < CAST(? AS DATE)"
                + " OR (day = CAST(? AS DATE) AND (completed_at < CAST(? AS TIMESTAMP)"
                + " OR (completed_at = CAST(? AS TIMESTAMP) AND experiment_id < ?))))"
                + " ORDER BY day DESC, completed_at DESC, experiment_id DESC LIMIT 1";
        String at = timestamp(completedAt);
        return completed(c, where, map, agent, experimentId, day.toString(), day.toString(), at, at, experimentId)
                .stream()
                .findFirst();
    }

    private static List<CompletedExperiment> completed(Connection c, String where, Object... values)
            throws SQLException {
        String sql = "SELECT experiment_id, config_json, day, completed_at, " + ScorecardColumns.names(NOTE) + ", "
                + ScorecardColumns.names(DRIVING) + " FROM experiments WHERE status = 'COMPLETED'"
                + " AND config_json IS NOT NULL AND " + where;
        List<CompletedExperiment> found = new ArrayList<>();
        try (PreparedStatement q = DuckDb.bind(c.prepareStatement(sql), values);
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                found.add(new CompletedExperiment(
                        rs.getString("experiment_id"),
                        Json.mapper().readValue(rs.getString("config_json"), ExperimentConfig.class),
                        rs.getObject("day", LocalDate.class),
                        rs.getObject("completed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        ScorecardColumns.read(rs)));
            }
        }
        return found;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}

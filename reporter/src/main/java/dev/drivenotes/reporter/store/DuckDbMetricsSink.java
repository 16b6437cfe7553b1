package dev.drivenotes.reporter.store;

import static dev.drivenotes.reporter.store.ScorecardColumns.DRIVING;
import static dev.drivenotes.reporter.store.ScorecardColumns.NOTE;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.reporter.note.Scorecard;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The local metrics sink: one DuckDB file ({@code ${drivenotes.data-dir}/reporter/drivenotes.duckdb}
 * in the service), every write an upsert keyed by ids. Open one instance per file: DuckDB allows one
 * writing process per file.
 */
public final class DuckDbMetricsSink implements MetricsSink, AutoCloseable {

    private final DuckDb db;

    public DuckDbMetricsSink(Path file) {
        this.db = DuckDb.open(file);
        db.transaction("create the schema", c -> {
            DuckDbSchema.create(c);
            DashboardViews.create(c);
            return null;
        });
    }

    @Override
    public void recordStarted(String experimentId, ExperimentConfig config, Instant startedAt) {
        db.call("record experiment " + experimentId, c -> {
            ExperimentRows.started(c, experimentId, config, startedAt);
            return null;
        });
    }

    @Override
    public void recordCompleted(ExperimentCompleted completed, Instant completedAt, Scorecard card) {
        db.call("record completion of " + completed.experimentId(), c -> {
            ExperimentRows.completed(c, completed, completedAt, card);
            return null;
        });
    }

    @Override
    public void recordFailed(String experimentId, String reason, Instant failedAt) {
        db.call("record failure of " + experimentId, c -> {
            ExperimentRows.failed(c, experimentId, reason, failedAt);
            return null;
        });
    }

    @Override
    public void recordCancelled(String experimentId, String reason, Instant cancelledAt) {
        db.call("record cancellation of " + experimentId, c -> {
            ExperimentRows.cancelled(c, experimentId, reason, cancelledAt);
            return null;
        });
    }

    @Override
    public void recordEpisode(EpisodeCompleted episode, List<Note> notes, Scorecard scorecard) {
        db.transaction("record episode " + episode.summary().episodeId(), c -> {
            EpisodeRows.upsert(c, episode, scorecard.notes());
            NoteRows.replace(c, episode.summary().episodeId(), episode.summary().index(), episode.condition(), notes);
            return null;
        });
    }

    @Override
    public void recordDaily(DailyMetrics daily) {
        Scorecard card = daily.scorecard();
        Object[] values = ScorecardColumns.concat(
                new Object[] {daily.day().toString(), daily.map(), daily.agent(), daily.condition(), daily.experiments()
                },
                ScorecardColumns.noteValues(card.notes()),
                ScorecardColumns.drivingValues(card.driving()));
        String sql = "INSERT OR REPLACE INTO metrics_daily (day, map, agent, condition, experiments, "
                + ScorecardColumns.names(NOTE) + ", " + ScorecardColumns.names(DRIVING)
                + ") VALUES (CAST(? AS DATE), " + ScorecardColumns.placeholders(values.length - 1) + ")";
        db.call("record daily metrics of " + daily.day(), c -> DuckDb.update(c, sql, values));
    }

    @Override
    public Optional<ExperimentRecord> experiment(String experimentId) {
        return db.call("read experiment " + experimentId, c -> ExperimentRows.find(c, experimentId));
    }

    @Override
    public List<StoredEpisode> episodes(String experimentId) {
        return db.call("read episodes of " + experimentId, c -> EpisodeRows.ofExperiment(c, experimentId));
    }

    @Override
    public List<Note> notes(String experimentId) {
        return db.call("read notes of " + experimentId, c -> NoteRows.ofExperiment(c, experimentId));
    }

    @Override
    public List<String> completedExperiments(LocalDate day, String map, String agent, String condition) {
        return db.call("read experiments of " + day, c -> ExperimentRows.completedOn(c, day, map, agent, condition));
    }

    @Override
    public List<CompletedExperiment> completedBetween(LocalDate from, LocalDate to) {
        return db.call("read experiments of " + from + ".." + to, c -> ExperimentRows.completedBetween(c, from, to));
    }

    @Override
    public Optional<CompletedExperiment> previousCompleted(
            String map, String agent, LocalDate day, Instant completedAt, String experimentId) {
        return db.call(
                "read the run before " + experimentId,
                c -> ExperimentRows.previous(c, map, agent, day, completedAt, experimentId));
    }

    @Override
    public List<DailyMetrics> dailyBetween(LocalDate from, LocalDate to) {
        return db.call("read daily metrics of " + from + ".." + to, c -> DailyRows.between(c, from, to));
    }

    @Override
    public boolean processed(String eventId) {
        String sql = "SELECT count(*) FROM processed_events WHERE event_id = ?";
        return db.call("read processed event " + eventId, c -> {
            try (PreparedStatement q = DuckDb.bind(c.prepareStatement(sql), eventId);
                    ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        });
    }

    /** The event's writes and its ledger row in one DuckDB transaction (the writes join it). */
    @Override
    public void recordHandled(EventEnvelope event, Instant processedAt, Runnable writes) {
        String sql = "INSERT INTO processed_events (event_id, type, experiment_id, processed_at)"
                + " VALUES (?, ?, ?, CAST(? AS TIMESTAMP)) ON CONFLICT (event_id) DO NOTHING";
        db.transaction("record " + event.type() + " " + event.eventId(), c -> {
            writes.run();
            return DuckDb.update(
                    c, sql, event.eventId(), event.type(), event.experimentId(), ExperimentRows.timestamp(processedAt));
        });
    }

    @Override
    public void close() {
        db.close();
    }
}

package dev.drivenotes.reporter.store;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.reporter.note.Scorecard;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where notes and metrics land: tables {@code experiments}, {@code episodes}, {@code notes}, {@code
 * metrics_daily} (DuckDB locally, BigQuery on Google Cloud). Every write is an upsert keyed by ids,
 * so re-processing an event never duplicates rows.
 */
public interface MetricsSink {

    /** Records an experiment that started (status RUNNING unless a later status is already stored). */
    void recordStarted(String experimentId, ExperimentConfig config, Instant startedAt);

    /**
     * Records an experiment's completion with its scorecard; the experiment's day is its config's
     * {@code day}, else that of {@code completedAt} (UTC).
     */
    void recordCompleted(String experimentId, ExperimentConfig config, Instant completedAt, Scorecard scorecard);

    /** Records an experiment's failure. */
    void recordFailed(String experimentId, String reason, Instant failedAt);

    /** Records an episode and replaces its notes. */
    void recordEpisode(EpisodeCompleted episode, List<Note> notes, Scorecard scorecard);

    /** Replaces the aggregate of one (day, map, agent). */
    void recordDaily(DailyMetrics daily);

    Optional<ExperimentRecord> experiment(String experimentId);

    /** The experiment's recorded episodes, by index. */
    List<StoredEpisode> episodes(String experimentId);

    /** The experiment's notes, by episode index then step. */
    List<Note> notes(String experimentId);

    /** Ids of the experiments completed on {@code day} with this map and agent. */
    List<String> completedExperiments(LocalDate day, String map, String agent);

    /** The completed experiments whose day lies in [from, to], by day and completion. */
    List<CompletedExperiment> completedBetween(LocalDate from, LocalDate to);

    /**
     * The latest completed experiment with this map and agent before the given one (an earlier day,
     * or the same day and completed earlier); empty when there is none.
     */
    Optional<CompletedExperiment> previousCompleted(
            String map, String agent, LocalDate day, Instant completedAt, String experimentId);

    /** The daily aggregates of the days in [from, to], by day, map and agent. */
    List<DailyMetrics> dailyBetween(LocalDate from, LocalDate to);

    /** Whether an event was already handled (consumers are idempotent by event id). */
    boolean processed(String eventId);

    /** Remembers that an event was handled. */
    void markProcessed(EventEnvelope event, Instant processedAt);
}

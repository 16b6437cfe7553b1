package dev.drivenotes.reporter.store;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.reporter.note.Scorecard;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where notes and metrics land: tables {@code experiments}, {@code episodes}, {@code notes}, {@code
 * metrics_daily} (DuckDB locally; BigQuery on Google Cloud, with the reporter's read state as
 * documents in Cloud Storage). Every write is an upsert keyed by ids, so re-processing an event
 * never duplicates rows; the processed-event ledger is written with an event's writes ({@link
 * #recordHandled}).
 */
public interface MetricsSink {

    /** Records an experiment that started (status RUNNING unless a later status is already stored). */
    void recordStarted(String experimentId, ExperimentConfig config, Instant startedAt);

    /**
     * Records an experiment's completion (COMPLETED, or COMPLETED_WITH_FAILURES with the failed
     * episodes as its reason) with its scorecard; the experiment's day is its config's {@code day},
     * else that of {@code completedAt} (UTC).
     */
    void recordCompleted(ExperimentCompleted completed, Instant completedAt, Scorecard scorecard);

    /** Records an experiment's failure. */
    void recordFailed(String experimentId, String reason, Instant failedAt);

    /** Records that an experiment was cancelled (no report follows; its recorded episodes stay). */
    void recordCancelled(String experimentId, String reason, Instant cancelledAt);

    /** Records an episode and replaces its notes. */
    void recordEpisode(EpisodeCompleted episode, List<Note> notes, Scorecard scorecard);

    /** Replaces the aggregate of one (day, map, agent, condition). */
    void recordDaily(DailyMetrics daily);

    Optional<ExperimentRecord> experiment(String experimentId);

    /** The experiment's recorded episodes, by index. */
    List<StoredEpisode> episodes(String experimentId);

    /** The experiment's notes, by episode index then step. */
    List<Note> notes(String experimentId);

    /**
     * Ids of the experiments completed on {@code day} with this map, agent and condition ({@link
     * dev.drivenotes.model.experiment.Condition}).
     */
    List<String> completedExperiments(LocalDate day, String map, String agent, String condition);

    /** The completed experiments whose day lies in [from, to], by day and completion. */
    List<CompletedExperiment> completedBetween(LocalDate from, LocalDate to);

    /**
     * The latest completed experiment with this map and agent before the given one (an earlier day,
     * or the same day and completed earlier); empty when there is none.
     */
    Optional<CompletedExperiment> previousCompleted(
            String map, String agent, LocalDate day, Instant completedAt, String experimentId);

    /** The daily aggregates of the days in [from, to], by day, map, agent and condition. */
    List<DailyMetrics> dailyBetween(LocalDate from, LocalDate to);

    /** Whether an event was already handled (consumers are idempotent by event id). */
    boolean processed(String eventId);

    /**
     * Runs the writes an event causes and records the event in the processed-event ledger with them:
     * in one transaction (DuckDB), or the ledger written last where the store has no transactions
     * (Cloud Storage and BigQuery). Either way the event is in the ledger only once all its writes
     * are, so a crash before the end leaves it unrecorded and its redelivery redoes them.
     *
     * @param writes the event's writes (calls to this sink's {@code record*} methods, and what is
     *     derived from them and must exist before the event counts as handled, such as the day's
     *     report), possibly none; reads of this sink inside them see the writes made before
     */
    void recordHandled(EventEnvelope event, Instant processedAt, Runnable writes);
}

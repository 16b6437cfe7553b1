package dev.drivenotes.reporter.store.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import com.google.cloud.bigquery.TableId;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.reporter.note.Scorecard;
import dev.drivenotes.reporter.store.CompletedExperiment;
import dev.drivenotes.reporter.store.DailyMetrics;
import dev.drivenotes.reporter.store.ExperimentRecord;
import dev.drivenotes.reporter.store.MetricsSink;
import dev.drivenotes.reporter.store.MetricsSinkException;
import dev.drivenotes.reporter.store.StoredEpisode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profile {@code gcp}: every write goes to the reporter's durable state (documents in Cloud
 * Storage, {@link dev.drivenotes.reporter.store.ArtifactMetricsState}) and to BigQuery with {@code
 * insertAll} and content-derived insert ids (so a retried write never adds a duplicate; the {@code
 * *_latest} views pick the newest version per key). Reads (reports, the daily rollup, the report
 * API) and the processed-event ledger come from the state, which every instance shares: a
 * redelivery to a fresh instance finds the notes and episodes any instance recorded. An event's
 * ledger entry is written last, after its state documents and its BigQuery rows (with an audit row
 * in {@code processed_events}). A failure throws, so the event is nacked and redelivered.
 */
public final class BigQueryMetricsSink implements MetricsSink {

    private final MetricsSink state;
    private final BigQuery bigQuery;
    private final String dataset;
    private final Clock clock;

    public BigQueryMetricsSink(MetricsSink state, BigQuery bigQuery, String dataset, Clock clock) {
        this.state = state;
        this.bigQuery = bigQuery;
        this.dataset = dataset;
        this.clock = clock;
    }

    @Override
    public void recordStarted(String experimentId, ExperimentConfig config, Instant startedAt) {
        state.recordStarted(experimentId, config, startedAt);
        insert(List.of(BigQueryRows.started(experimentId, config, startedAt)));
    }

    @Override
    public void recordCompleted(ExperimentCompleted completed, Instant completedAt, Scorecard card) {
        state.recordCompleted(completed, completedAt, card);
        insert(List.of(BigQueryRows.completed(completed, completedAt, card)));
    }

    @Override
    public void recordFailed(String experimentId, String reason, Instant failedAt) {
        state.recordFailed(experimentId, reason, failedAt);
        insert(List.of(BigQueryRows.failed(experimentId, reason, failedAt)));
    }

    @Override
    public void recordCancelled(String experimentId, String reason, Instant cancelledAt) {
        state.recordCancelled(experimentId, reason, cancelledAt);
        insert(List.of(BigQueryRows.cancelled(experimentId, reason, cancelledAt)));
    }

    @Override
    public void recordEpisode(EpisodeCompleted episode, List<Note> notes, Scorecard scorecard) {
        state.recordEpisode(episode, notes, scorecard);
        Instant now = clock.instant();
        insert(List.of(BigQueryRows.episode(episode, scorecard.notes(), now)));
        insert(BigQueryRows.notes(
                episode.summary().episodeId(), episode.summary().index(), episode.condition(), notes, now));
    }

    @Override
    public void recordDaily(DailyMetrics daily) {
        state.recordDaily(daily);
        insert(List.of(BigQueryRows.daily(daily, clock.instant())));
    }

    @Override
    public Optional<ExperimentRecord> experiment(String experimentId) {
        return state.experiment(experimentId);
    }

    @Override
    public List<StoredEpisode> episodes(String experimentId) {
        return state.episodes(experimentId);
    }

    @Override
    public List<Note> notes(String experimentId) {
        return state.notes(experimentId);
    }

    @Override
    public List<String> completedExperiments(LocalDate day, String map, String agent, String condition) {
        return state.completedExperiments(day, map, agent, condition);
    }

    @Override
    public List<CompletedExperiment> completedBetween(LocalDate from, LocalDate to) {
        return state.completedBetween(from, to);
    }

    @Override
    public Optional<CompletedExperiment> previousCompleted(
            String map, String agent, LocalDate day, Instant completedAt, String experimentId) {
        return state.previousCompleted(map, agent, day, completedAt, experimentId);
    }

    @Override
    public List<DailyMetrics> dailyBetween(LocalDate from, LocalDate to) {
        return state.dailyBetween(from, to);
    }

    @Override
    public boolean processed(String eventId) {
        return state.processed(eventId);
    }

    /** The event's writes, its audit row in {@code processed_events}, then the state's ledger entry. */
    @Override
    public void recordHandled(EventEnvelope event, Instant processedAt, Runnable writes) {
        writes.run();
        insert(List.of(BigQueryRows.processed(event, processedAt)));
        state.recordHandled(event, processedAt, () -> {});
    }

    /** One insertAll per table; any row error fails the whole write (the caller's event is redelivered). */
    void insert(List<BigQueryRows.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        InsertAllResponse response;
        try {
            response = bigQuery.insertAll(request(dataset, rows));
        } catch (BigQueryException e) {
            throw new MetricsSinkException(
                    "BigQuery insert into " + rows.getFirst().table() + " failed", e);
        }
        if (response.hasErrors()) {
            Map.Entry<Long, List<BigQueryError>> first =
                    response.getInsertErrors().entrySet().iterator().next();
            throw new MetricsSinkException(
                    "BigQuery rejected row " + first.getKey() + " of "
                            + rows.getFirst().table() + ": " + first.getValue(),
                    null);
        }
    }

    static InsertAllRequest request(String dataset, List<BigQueryRows.Row> rows) {
        String table = rows.getFirst().table();
        InsertAllRequest.Builder builder = InsertAllRequest.newBuilder(TableId.of(dataset, table));
        for (BigQueryRows.Row row : rows) {
            if (!row.table().equals(table)) {
                throw new IllegalArgumentException("one request per table: " + table + " vs " + row.table());
            }
            builder.addRow(row.insertId(), row.values());
        }
        return builder.build();
    }
}

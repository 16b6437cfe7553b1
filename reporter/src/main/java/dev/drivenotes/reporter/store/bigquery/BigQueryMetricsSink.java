package dev.drivenotes.reporter.store.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableId;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
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
 * Profile {@code gcp}: every write goes to the instance's DuckDB read model first and then to
 * BigQuery with {@code insertAll} and content-derived insert ids (so a retried write never adds a
 * duplicate; the {@code *_latest} views pick the newest version per key). BigQuery is the system of
 * record for dashboards and for the processed-event ledger: {@link #processed} also asks BigQuery,
 * so a redelivery after a restart (fresh instance, empty local file) is still a no-op. Report API
 * reads are served from the local read model. A BigQuery failure throws, so the event is nacked
 * and redelivered.
 */
public final class BigQueryMetricsSink implements MetricsSink {

    private final MetricsSink local;
    private final BigQuery bigQuery;
    private final String dataset;
    private final Clock clock;

    public BigQueryMetricsSink(MetricsSink local, BigQuery bigQuery, String dataset, Clock clock) {
        this.local = local;
        this.bigQuery = bigQuery;
        this.dataset = dataset;
        this.clock = clock;
    }

    @Override
    public void recordStarted(String experimentId, ExperimentConfig config, Instant startedAt) {
        local.recordStarted(experimentId, config, startedAt);
        insert(List.of(BigQueryRows.started(experimentId, config, startedAt)));
    }

    @Override
    public void recordCompleted(String experimentId, ExperimentConfig config, Instant completedAt, Scorecard card) {
        local.recordCompleted(experimentId, config, completedAt, card);
        insert(List.of(BigQueryRows.completed(experimentId, config, completedAt, card)));
    }

    @Override
    public void recordFailed(String experimentId, String reason, Instant failedAt) {
        local.recordFailed(experimentId, reason, failedAt);
        insert(List.of(BigQueryRows.failed(experimentId, reason, failedAt)));
    }

    @Override
    public void recordEpisode(EpisodeCompleted episode, List<Note> notes, Scorecard scorecard) {
        local.recordEpisode(episode, notes, scorecard);
        Instant now = clock.instant();
        insert(List.of(BigQueryRows.episode(episode, scorecard.notes(), now)));
        insert(BigQueryRows.notes(
                episode.summary().episodeId(), episode.summary().index(), notes, now));
    }

    @Override
    public void recordDaily(DailyMetrics daily) {
        local.recordDaily(daily);
        insert(List.of(BigQueryRows.daily(daily, clock.instant())));
    }

    @Override
    public Optional<ExperimentRecord> experiment(String experimentId) {
        return local.experiment(experimentId);
    }

    @Override
    public List<StoredEpisode> episodes(String experimentId) {
        return local.episodes(experimentId);
    }

    @Override
    public List<Note> notes(String experimentId) {
        return local.notes(experimentId);
    }

    @Override
    public List<String> completedExperiments(LocalDate day, String map, String agent) {
        return local.completedExperiments(day, map, agent);
    }

    @Override
    public List<CompletedExperiment> completedBetween(LocalDate from, LocalDate to) {
        return local.completedBetween(from, to);
    }

    @Override
    public Optional<CompletedExperiment> previousCompleted(
            String map, String agent, LocalDate day, Instant completedAt, String experimentId) {
        return local.previousCompleted(map, agent, day, completedAt, experimentId);
    }

    @Override
    public List<DailyMetrics> dailyBetween(LocalDate from, LocalDate to) {
        return local.dailyBetween(from, to);
    }

    @Override
    public boolean processed(String eventId) {
        if (local.processed(eventId)) {
            return true;
        }
        QueryJobConfiguration query = QueryJobConfiguration.newBuilder("SELECT 1 FROM `" + dataset + "."
                        + BigQueryTables.PROCESSED_EVENTS + "` WHERE event_id = @id LIMIT 1")
                .addNamedParameter("id", QueryParameterValue.string(eventId))
                .build();
        try {
            return bigQuery.query(query).getTotalRows() > 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetricsSinkException("interrupted while asking BigQuery about event " + eventId, e);
        } catch (BigQueryException e) {
            throw new MetricsSinkException("BigQuery could not say whether " + eventId + " was processed", e);
        }
    }

    @Override
    public void markProcessed(EventEnvelope event, Instant processedAt) {
        insert(List.of(BigQueryRows.processed(event, processedAt)));
        local.markProcessed(event, processedAt);
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

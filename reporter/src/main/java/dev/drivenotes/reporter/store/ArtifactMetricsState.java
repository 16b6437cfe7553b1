package dev.drivenotes.reporter.store;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.reporter.note.Scorecard;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reporter's state as JSON documents in the artifact store, under {@code reporter/}: Cloud
 * Storage under profile {@code gcp}, so that every instance, and the next one after a restart,
 * reads what any instance recorded (an instance's own disk holds nothing). One document per
 * experiment, per episode (its summary and notes) and per handled event (the ledger, written after
 * the event's documents); completed experiments and daily aggregates as {@link ArtifactHistory}
 * keeps them.
 *
 * <p>Documents are replaced whole; one experiment's events reach one consumer at a time (Pub/Sub
 * ordering key), so its experiment document is never written by two instances at once.
 */
public final class ArtifactMetricsState implements MetricsSink {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** An experiment as recorded; {@code endedAt} is when it completed, failed or was cancelled. */
    record ExperimentDoc(
            String experimentId,
            String name,
            String map,
            String agent,
            ExperimentStatus status,
            String reason,
            Instant startedAt,
            Instant endedAt) {

        static ExperimentDoc unknown(String experimentId) {
            return new ExperimentDoc(experimentId, null, null, null, ExperimentStatus.RUNNING, null, null, null);
        }

        /** Started: the config's names; a status recorded before (a later event handled first) stays. */
        ExperimentDoc started(ExperimentConfig config, Instant at) {
            return new ExperimentDoc(
                    experimentId, config.name(), config.map(), config.agent(), status, reason, at, endedAt);
        }

        ExperimentDoc completed(ExperimentCompleted completed, Instant at) {
            ExperimentConfig config = completed.config();
            return new ExperimentDoc(
                    experimentId,
                    config.name(),
                    config.map(),
                    config.agent(),
                    completed.status(),
                    completed.failureSummary(),
                    startedAt,
                    at);
        }

        ExperimentDoc ended(ExperimentStatus ending, String why, Instant at) {
            return new ExperimentDoc(experimentId, name, map, agent, ending, why, startedAt, at);
        }
    }

    /** An episode and its notes, in step order. */
    record EpisodeDoc(StoredEpisode episode, List<Note> notes) {}

    /** One handled event. */
    record LedgerDoc(String eventId, String type, String experimentId, Instant processedAt) {}

    private final StateDocuments documents;
    private final ArtifactHistory history;

    public ArtifactMetricsState(ArtifactStore artifacts) {
        this.documents = new StateDocuments(artifacts);
        this.history = new ArtifactHistory(documents);
    }

    @Override
    public void recordStarted(String experimentId, ExperimentConfig config, Instant startedAt) {
        documents.write(experimentKey(experimentId), experimentDoc(experimentId).started(config, startedAt));
    }

    @Override
    public void recordCompleted(ExperimentCompleted completed, Instant completedAt, Scorecard card) {
        String experimentId = completed.experimentId();
        ExperimentConfig config = completed.config();
        documents.write(experimentKey(experimentId), experimentDoc(experimentId).completed(completed, completedAt));
        history.recordCompleted(
                new CompletedExperiment(experimentId, config, config.dayOr(completedAt), completedAt, card));
    }

    @Override
    public void recordFailed(String experimentId, String reason, Instant failedAt) {
        documents.write(
                experimentKey(experimentId),
                experimentDoc(experimentId).ended(ExperimentStatus.FAILED, reason, failedAt));
    }

    @Override
    public void recordCancelled(String experimentId, String reason, Instant cancelledAt) {
        documents.write(
                experimentKey(experimentId),
                experimentDoc(experimentId).ended(ExperimentStatus.CANCELLED, reason, cancelledAt));
    }

    private ExperimentDoc experimentDoc(String experimentId) {
        return documents
                .find(experimentKey(experimentId), ExperimentDoc.class)
                .orElseGet(() -> ExperimentDoc.unknown(experimentId));
    }

    @Override
    public void recordEpisode(EpisodeCompleted episode, List<Note> notes, Scorecard scorecard) {
        StoredEpisode stored = new StoredEpisode(
                episode.experimentId(), episode.map(), episode.artifactUri(), episode.summary(), notes.size());
        documents.write(episodeKey(episode.experimentId(), episode.summary().index()), new EpisodeDoc(stored, notes));
    }

    @Override
    public void recordDaily(DailyMetrics daily) {
        history.recordDaily(daily);
    }

    @Override
    public Optional<ExperimentRecord> experiment(String experimentId) {
        return documents
                .find(experimentKey(experimentId), ExperimentDoc.class)
                .map(d -> new ExperimentRecord(d.experimentId(), d.name(), d.map(), d.agent(), d.status()));
    }

    @Override
    public List<StoredEpisode> episodes(String experimentId) {
        return episodeDocs(experimentId).stream().map(EpisodeDoc::episode).toList();
    }

    @Override
    public List<Note> notes(String experimentId) {
        return episodeDocs(experimentId).stream()
                .flatMap(d -> d.notes().stream())
                .toList();
    }

    private List<EpisodeDoc> episodeDocs(String experimentId) {
        return documents.list("episodes/" + experimentId + "/").stream()
                .map(key -> documents.read(key, EpisodeDoc.class))
                .sorted(Comparator.comparingInt(d -> d.episode().summary().index()))
                .toList();
    }

    @Override
    public List<String> completedExperiments(LocalDate day, String map, String agent, String condition) {
        return history.completedExperiments(day, map, agent, condition);
    }

    @Override
    public List<CompletedExperiment> completedBetween(LocalDate from, LocalDate to) {
        return history.completedBetween(from, to);
    }

    @Override
    public Optional<CompletedExperiment> previousCompleted(
            String map, String agent, LocalDate day, Instant completedAt, String experimentId) {
        return history.previousCompleted(map, agent, day, completedAt, experimentId);
    }

    @Override
    public List<DailyMetrics> dailyBetween(LocalDate from, LocalDate to) {
        return history.dailyBetween(from, to);
    }

    @Override
    public boolean processed(String eventId) {
        return documents.find(ledgerKey(eventId), LedgerDoc.class).isPresent();
    }

    /** The event's documents first, then its ledger document. */
    @Override
    public void recordHandled(EventEnvelope event, Instant processedAt, Runnable writes) {
        writes.run();
        documents.write(
                ledgerKey(event.eventId()),
                new LedgerDoc(event.eventId(), event.type(), event.experimentId(), processedAt));
    }

    private static String experimentKey(String experimentId) {
        return "experiments/" + experimentId + ".json";
    }

    private static String episodeKey(String experimentId, int index) {
        return "episodes/" + experimentId + "/%06d.json".formatted(index);
    }

    /** Event ids become object names as they are when safe, else as a hash of themselves. */
    private static String ledgerKey(String eventId) {
        String name =
                SAFE_ID.matcher(eventId).matches() && !eventId.contains("..") ? eventId : StateDocuments.hash(eventId);
        return "processed/" + name + ".json";
    }
}

package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EpisodeRequested;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCancelled;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ExperimentFailed;
import dev.drivenotes.model.event.ExperimentStarted;
import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.experiment.ExperimentView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The persisted state of one experiment. Immutable: every transition returns a new value, and the
 * store applies transitions atomically. A transition that others must hear about also puts its
 * event in {@code outbox}, so the state change and its event are stored in one write (a
 * transactional outbox); {@link OutboxRelay} publishes them afterwards and removes them.
 *
 * @param id experiment id
 * @param config validated config
 * @param status lifecycle state
 * @param createdAt acceptance time
 * @param updatedAt last transition
 * @param episodes summaries of finished episodes, by index
 * @param failedEpisodes episodes that could not be driven, by index
 * @param reportUri report.json location once the reporter wrote it
 * @param failureReason why it failed, or which episodes failed
 * @param outbox events stored with the state changes that caused them and not yet accepted by the
 *     bus, oldest first
 */
public record Experiment(
        String id,
        ExperimentConfig config,
        ExperimentStatus status,
        Instant createdAt,
        Instant updatedAt,
        List<EpisodeSummary> episodes,
        List<EpisodeFailure> failedEpisodes,
        String reportUri,
        String failureReason,
        List<EventEnvelope> outbox) {

    static final String CANCELLED_BY_OPERATOR = "cancelled by operator";

    public Experiment {
        Require.notBlank("id", id);
        Require.notNull("config", config);
        Require.notNull("status", status);
        Require.notNull("createdAt", createdAt);
        Require.notNull("updatedAt", updatedAt);
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
        failedEpisodes = failedEpisodes == null ? List.of() : List.copyOf(failedEpisodes);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /**
     * A new experiment, PENDING, with {@link ExperimentStarted} and one {@link EpisodeRequested} per
     * episode (the runners' work items) in its outbox.
     */
    public static Experiment accepted(String id, ExperimentConfig config, Instant now) {
        List<EventEnvelope> outbox = new ArrayList<>();
        outbox.add(EventEnvelope.wrap(new ExperimentStarted(id, config), now));
        for (int i = 0; i < config.episodes(); i++) {
            EpisodeRequested request = EpisodeRequested.first(id, i, config);
            outbox.add(EventEnvelope.wrap(request.eventId(), request, now));
        }
        return new Experiment(id, config, ExperimentStatus.PENDING, now, now, List.of(), List.of(), null, null, outbox);
    }

    public Experiment running(Instant now) {
        requireNotTerminal("start");
        return new Experiment(
                id,
                config,
                ExperimentStatus.RUNNING,
                createdAt,
                now,
                episodes,
                failedEpisodes,
                reportUri,
                null,
                outbox);
    }

    /**
     * Records a finished episode (a runner announced it); when it was the last episode to be
     * recorded, the experiment completes in the same transition ({@link #completed}). An episode
     * already recorded under the same index (an announcement delivered again, or a work item driven
     * twice), or one of a finished experiment, leaves the experiment as it is.
     */
    public Experiment withEpisode(EpisodeCompleted episode, Instant now) {
        Require.notNull("episode", episode);
        int index = episode.summary().index();
        if (status.terminal() || episodeRecorded(index)) {
            return this;
        }
        List<EpisodeSummary> next = new ArrayList<>(episodes);
        next.add(episode.summary());
        next.sort(Comparator.comparingInt(EpisodeSummary::index));
        return new Experiment(
                        id, config, status, createdAt, now, next, failedEpisodes, reportUri, failureReason, outbox)
                .completedWhenAllRecorded(now);
    }

    /**
     * Records an episode that failed every attempt, like {@link #withEpisode}: once per index, and
     * completing the experiment when it was the last to be recorded.
     */
    public Experiment withFailedEpisode(EpisodeFailure failure, Instant now) {
        Require.notNull("failure", failure);
        if (status.terminal() || episodeRecorded(failure.index())) {
            return this;
        }
        List<EpisodeFailure> next = new ArrayList<>(failedEpisodes);
        next.add(failure);
        next.sort(Comparator.comparingInt(EpisodeFailure::index));
        return new Experiment(id, config, status, createdAt, now, episodes, next, reportUri, failureReason, outbox)
                .completedWhenAllRecorded(now);
    }

    private Experiment completedWhenAllRecorded(Instant now) {
        return episodes.size() + failedEpisodes.size() == config.episodes() ? completed(failedEpisodes, now) : this;
    }

    /** Whether episode {@code index} has its outcome recorded (finished or failed). */
    public boolean episodeRecorded(int index) {
        return episodeDone(index) || failedEpisodes.stream().anyMatch(f -> f.index() == index);
    }

    /**
     * Every episode was tried: COMPLETED, or COMPLETED_WITH_FAILURES when {@code failures} is not
     * empty (the reason names them), with {@link ExperimentCompleted} (config, every episode and every
     * failure) in the outbox.
     */
    public Experiment completed(List<EpisodeFailure> failures, Instant now) {
        requireNotTerminal("complete");
        ExperimentCompleted completed = new ExperimentCompleted(id, config, episodes, failures);
        EventEnvelope event = EventEnvelope.wrap(completed, now);
        return new Experiment(
                id,
                config,
                completed.status(),
                createdAt,
                now,
                episodes,
                completed.failedEpisodes(),
                reportUri,
                completed.failureSummary(),
                plus(event));
    }

    /** FAILED with a reason and {@link ExperimentFailed} in the outbox; a finished experiment stays as it is. */
    public Experiment failed(String reason, Instant now) {
        if (status.terminal()) {
            return this;
        }
        EventEnvelope event = EventEnvelope.wrap(new ExperimentFailed(id, reason), now);
        return new Experiment(
                id,
                config,
                ExperimentStatus.FAILED,
                createdAt,
                now,
                episodes,
                failedEpisodes,
                reportUri,
                reason,
                plus(event));
    }

    /** CANCELLED with {@link ExperimentCancelled} in the outbox; a finished experiment stays as it is. */
    public Experiment cancelled(Instant now) {
        if (status.terminal()) {
            return this;
        }
        EventEnvelope event = EventEnvelope.wrap(new ExperimentCancelled(id, CANCELLED_BY_OPERATOR), now);
        return new Experiment(
                id,
                config,
                ExperimentStatus.CANCELLED,
                createdAt,
                now,
                episodes,
                failedEpisodes,
                reportUri,
                CANCELLED_BY_OPERATOR,
                plus(event));
    }

    /** Removes the events the bus accepted from the outbox (not a lifecycle change: updatedAt stays). */
    public Experiment published(Collection<String> eventIds) {
        List<EventEnvelope> left =
                outbox.stream().filter(e -> !eventIds.contains(e.eventId())).toList();
        if (left.size() == outbox.size()) {
            return this;
        }
        return new Experiment(
                id, config, status, createdAt, updatedAt, episodes, failedEpisodes, reportUri, failureReason, left);
    }

    /** Records the report's URI (the same URI again changes nothing). */
    public Experiment withReport(String uri, Instant now) {
        if (uri.equals(reportUri)) {
            return this;
        }
        return new Experiment(id, config, status, createdAt, now, episodes, failedEpisodes, uri, failureReason, outbox);
    }

    public boolean episodeDone(int index) {
        return episodes.stream().anyMatch(e -> e.index() == index);
    }

    public ExperimentView view() {
        return new ExperimentView(
                id,
                config.name(),
                status,
                config.episodes(),
                episodes.size(),
                failedEpisodes,
                reportUri,
                failureReason,
                createdAt,
                config);
    }

    private List<EventEnvelope> plus(EventEnvelope event) {
        List<EventEnvelope> next = new ArrayList<>(outbox);
        next.add(event);
        return next;
    }

    private void requireNotTerminal(String action) {
        if (status.terminal()) {
            throw new IllegalStateException("cannot " + action + " experiment " + id + " in state " + status);
        }
    }
}

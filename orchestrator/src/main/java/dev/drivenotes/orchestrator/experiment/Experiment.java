package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.experiment.ExperimentView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The persisted state of one experiment. Immutable: every transition returns a new value, and the
 * store applies transitions atomically.
 *
 * @param id experiment id
 * @param config validated config
 * @param status lifecycle state
 * @param createdAt acceptance time
 * @param updatedAt last transition
 * @param episodes summaries of finished episodes, by index
 * @param reportUri report.json location once the reporter wrote it
 * @param failureReason why it failed
 */
public record Experiment(
        String id,
        ExperimentConfig config,
        ExperimentStatus status,
        Instant createdAt,
        Instant updatedAt,
        List<EpisodeSummary> episodes,
        String reportUri,
        String failureReason) {

    public Experiment {
        Require.notBlank("id", id);
        Require.notNull("config", config);
        Require.notNull("status", status);
        Require.notNull("createdAt", createdAt);
        Require.notNull("updatedAt", updatedAt);
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
    }

    public static Experiment accepted(String id, ExperimentConfig config, Instant now) {
        return new Experiment(id, config, ExperimentStatus.PENDING, now, now, List.of(), null, null);
    }

    public Experiment running(Instant now) {
        requireNotTerminal("start");
        return new Experiment(id, config, ExperimentStatus.RUNNING, createdAt, now, episodes, reportUri, null);
    }

    /** Records a finished episode; a second summary for the same index replaces the first. */
    public Experiment withEpisode(EpisodeSummary summary, Instant now) {
        List<EpisodeSummary> next = new ArrayList<>(episodes);
        next.removeIf(e -> e.index() == summary.index());
        next.add(summary);
        next.sort(Comparator.comparingInt(EpisodeSummary::index));
        return new Experiment(id, config, status, createdAt, now, next, reportUri, failureReason);
    }

    public Experiment completed(Instant now) {
        requireNotTerminal("complete");
        return new Experiment(id, config, ExperimentStatus.COMPLETED, createdAt, now, episodes, reportUri, null);
    }

    public Experiment failed(String reason, Instant now) {
        if (status.terminal()) {
            return this;
        }
        return new Experiment(id, config, ExperimentStatus.FAILED, createdAt, now, episodes, reportUri, reason);
    }

    public Experiment cancelled(Instant now) {
        if (status.terminal()) {
            return this;
        }
        return new Experiment(
                id, config, ExperimentStatus.CANCELLED, createdAt, now, episodes, reportUri, "cancelled by operator");
    }

    /** Replaces the reason of a failed experiment; any other state is returned unchanged. */
    public Experiment withFailureReason(String reason, Instant now) {
        if (status != ExperimentStatus.FAILED) {
            return this;
        }
        return new Experiment(id, config, status, createdAt, now, episodes, reportUri, reason);
    }

    public Experiment withReport(String uri, Instant now) {
        return new Experiment(id, config, status, createdAt, now, episodes, uri, failureReason);
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
                reportUri,
                failureReason,
                createdAt,
                config);
    }

    private void requireNotTerminal(String action) {
        if (status.terminal()) {
            throw new IllegalStateException("cannot " + action + " experiment " + id + " in state " + status);
        }
    }
}

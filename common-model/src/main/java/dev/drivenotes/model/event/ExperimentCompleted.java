package dev.drivenotes.model.event;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import java.util.List;

/**
 * Every episode of an experiment was tried: {@code episodes} ended, {@code failedEpisodes} could not
 * be driven (absent in events written before episodes could fail: none).
 */
public record ExperimentCompleted(
        String experimentId,
        ExperimentConfig config,
        List<EpisodeSummary> episodes,
        List<EpisodeFailure> failedEpisodes)
        implements DomainEvent {
    public ExperimentCompleted {
        Require.notBlank("experimentId", experimentId);
        Require.notNull("config", config);
        episodes = List.copyOf(Require.noNullElements("episodes", episodes));
        failedEpisodes = failedEpisodes == null
                ? List.of()
                : List.copyOf(Require.noNullElements("failedEpisodes", failedEpisodes));
    }

    /** COMPLETED, or COMPLETED_WITH_FAILURES when an episode failed. */
    public ExperimentStatus status() {
        return failedEpisodes.isEmpty() ? ExperimentStatus.COMPLETED : ExperimentStatus.COMPLETED_WITH_FAILURES;
    }

    /** One line naming each failed episode and why, or null when none failed. */
    public String failureSummary() {
        return EpisodeFailure.summary(episodes.size() + failedEpisodes.size(), failedEpisodes);
    }
}

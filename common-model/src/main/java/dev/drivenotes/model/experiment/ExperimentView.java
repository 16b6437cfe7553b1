package dev.drivenotes.model.experiment;

import dev.drivenotes.model.Require;
import java.time.Instant;
import java.util.List;

/**
 * An experiment as the orchestrator's API shows it.
 *
 * @param id experiment id
 * @param name the config's name
 * @param status lifecycle state
 * @param episodesPlanned episodes in the config
 * @param episodesCompleted episodes finished (any termination)
 * @param failedEpisodes episodes that could not be driven, each with why (status
 *     COMPLETED_WITH_FAILURES)
 * @param reportUri where the reporter wrote report.json, once it has
 * @param failureReason why it failed, when it did; which episodes failed, when some did
 * @param createdAt when it was accepted
 * @param config the validated config with defaults filled in
 */
public record ExperimentView(
        String id,
        String name,
        ExperimentStatus status,
        int episodesPlanned,
        int episodesCompleted,
        List<EpisodeFailure> failedEpisodes,
        String reportUri,
        String failureReason,
        Instant createdAt,
        ExperimentConfig config) {
    public ExperimentView {
        Require.notBlank("id", id);
        Require.notNull("status", status);
        Require.notNull("createdAt", createdAt);
        failedEpisodes = failedEpisodes == null ? List.of() : List.copyOf(failedEpisodes);
    }
}

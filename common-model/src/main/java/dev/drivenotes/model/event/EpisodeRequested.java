package dev.drivenotes.model.event;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.ExperimentConfig;
import java.time.Instant;

/**
 * A unit of work: drive episode {@code index} of an experiment. Any runner (carla-runner) may pull
 * it; it is acknowledged only once the episode's outcome ({@link EpisodeCompleted} or {@link
 * EpisodeFailed}) is published, or a later attempt is requested in its place. The id of each
 * attempt's envelope is derived from (experiment, index, attempt), so a redelivered request is the
 * same event.
 *
 * @param experimentId the experiment
 * @param index 0-based episode index
 * @param episodeId {@code <experimentId>-e<index>}
 * @param attempt 1 for the first try, n for the n-th
 * @param notBefore when the attempt may start (a retry waits for its delay), or null for at once
 * @param config the experiment's config (map, route and seed of the episode, agent, limits)
 */
public record EpisodeRequested(
        String experimentId, int index, String episodeId, int attempt, Instant notBefore, ExperimentConfig config)
        implements DomainEvent {
    public EpisodeRequested {
        Require.notBlank("experimentId", experimentId);
        Require.inRange("index", index, 0, Integer.MAX_VALUE);
        Require.notBlank("episodeId", episodeId);
        Require.inRange("attempt", attempt, 1, Integer.MAX_VALUE);
        Require.notNull("config", config);
        Require.inRange("index", index, 0, config.episodes() - 1);
    }

    /** The id of every episode: {@code <experimentId>-e<index>}. */
    public static String episodeId(String experimentId, int index) {
        return experimentId + "-e" + index;
    }

    /** The first attempt of episode {@code index}. */
    public static EpisodeRequested first(String experimentId, int index, ExperimentConfig config) {
        return new EpisodeRequested(experimentId, index, episodeId(experimentId, index), 1, null, config);
    }

    /** The next attempt, not before {@code notBefore}. */
    public EpisodeRequested retry(Instant notBefore) {
        return new EpisodeRequested(experimentId, index, episodeId, attempt + 1, notBefore, config);
    }

    /** The episode's seed. */
    public long seed() {
        return config.seedOf(index);
    }

    /** The envelope id of this attempt: the same for every copy of it. */
    public String eventId() {
        return EventEnvelope.idOf(episodeId + "/requested/" + attempt);
    }
}

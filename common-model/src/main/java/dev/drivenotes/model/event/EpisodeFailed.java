package dev.drivenotes.model.event;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.EpisodeFailure;

/**
 * An episode could not be driven: its last attempt failed on a dependency. The envelope id is
 * derived from the episode, so a runner announcing it twice announces one event.
 *
 * @param experimentId the experiment
 * @param index 0-based episode index
 * @param episodeId {@code <experimentId>-e<index>}
 * @param seed the episode's seed
 * @param attempts how many times it was started
 * @param reason why the last attempt failed
 * @param runner the instance id of the runner that gave up on it
 */
public record EpisodeFailed(
        String experimentId, int index, String episodeId, long seed, int attempts, String reason, String runner)
        implements DomainEvent {
    public EpisodeFailed {
        Require.notBlank("experimentId", experimentId);
        Require.inRange("index", index, 0, Integer.MAX_VALUE);
        Require.notBlank("episodeId", episodeId);
        Require.inRange("attempts", attempts, 1, Integer.MAX_VALUE);
        Require.notBlank("reason", reason);
        Require.notBlank("runner", runner);
    }

    public EpisodeFailure failure() {
        return new EpisodeFailure(episodeId, index, seed, attempts, reason);
    }

    /** The envelope id of this outcome: the same for every copy of it. */
    public String eventId() {
        return EventEnvelope.idOf(episodeId + "/failed");
    }
}

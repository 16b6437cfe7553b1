package dev.drivenotes.model.event;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.EpisodeSummary;

/**
 * An episode ended and its trajectory is stored (claim check: the trajectory is at {@code
 * artifactUri}, never in the event).
 *
 * @param condition the experiment's {@link Condition}; an event without it (published before
 *     conditions existed) reads as {@link Condition#DEFAULT}
 */
public record EpisodeCompleted(
        String experimentId, String map, String artifactUri, EpisodeSummary summary, String condition)
        implements DomainEvent {
    public EpisodeCompleted {
        Require.notBlank("experimentId", experimentId);
        Require.notBlank("map", map);
        Require.notBlank("artifactUri", artifactUri);
        Require.notNull("summary", summary);
        condition = condition == null ? Condition.DEFAULT : Require.notBlank("condition", condition);
    }
}

package dev.drivenotes.model.event;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;

/**
 * An episode ended and its trajectory is stored (claim check: the trajectory is at {@code
 * artifactUri}, never in the event).
 *
 * @param condition the experiment's {@link Condition}; an event without it (published before
 *     conditions existed) reads as {@link Condition#DEFAULT}
 * @param agent the agent that drove it ({@link ExperimentConfig#agent()}), whose own localisation
 *     places its notes; null in events published before it was named (read as an agent with the
 *     localisation filter)
 */
public record EpisodeCompleted(
        String experimentId, String map, String artifactUri, EpisodeSummary summary, String condition, String agent)
        implements DomainEvent {
    public EpisodeCompleted {
        Require.notBlank("experimentId", experimentId);
        Require.notBlank("map", map);
        Require.notBlank("artifactUri", artifactUri);
        Require.notNull("summary", summary);
        condition = condition == null ? Condition.DEFAULT : Require.notBlank("condition", condition);
        if (agent != null && !ExperimentConfig.AGENTS.contains(agent)) {
            throw new InvalidInputException(
                    "agent", "unknown agent '" + agent + "'; expected one of " + ExperimentConfig.AGENTS);
        }
    }

    /** An event that does not name its agent (as published before agents were named on it). */
    public EpisodeCompleted(
            String experimentId, String map, String artifactUri, EpisodeSummary summary, String condition) {
        this(experimentId, map, artifactUri, summary, condition, null);
    }
}

package dev.drivenotes.model.event;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import java.util.List;

/** Every episode of an experiment ended. */
public record ExperimentCompleted(String experimentId, ExperimentConfig config, List<EpisodeSummary> episodes)
        implements DomainEvent {
    public ExperimentCompleted {
        Require.notBlank("experimentId", experimentId);
        Require.notNull("config", config);
        episodes = List.copyOf(Require.noNullElements("episodes", episodes));
    }
}

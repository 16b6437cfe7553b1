package dev.drivenotes.model.event;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.ExperimentConfig;

/** An experiment was accepted and its episodes start. */
public record ExperimentStarted(String experimentId, ExperimentConfig config) implements DomainEvent {
    public ExperimentStarted {
        Require.notBlank("experimentId", experimentId);
        Require.notNull("config", config);
    }
}

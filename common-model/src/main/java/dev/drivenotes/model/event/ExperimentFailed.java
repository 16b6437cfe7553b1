package dev.drivenotes.model.event;

import dev.drivenotes.model.Require;

/** An experiment failed; {@code reason} says why. */
public record ExperimentFailed(String experimentId, String reason) implements DomainEvent {
    public ExperimentFailed {
        Require.notBlank("experimentId", experimentId);
        Require.notBlank("reason", reason);
    }
}

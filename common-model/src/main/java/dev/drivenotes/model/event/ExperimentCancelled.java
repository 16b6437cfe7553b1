package dev.drivenotes.model.event;

import dev.drivenotes.model.Require;

/**
 * An experiment was cancelled before all its episodes ended; no {@link ExperimentCompleted} follows
 * and no further episode starts ({@code reason} says who cancelled it).
 */
public record ExperimentCancelled(String experimentId, String reason) implements DomainEvent {
    public ExperimentCancelled {
        Require.notBlank("experimentId", experimentId);
        Require.notBlank("reason", reason);
    }
}

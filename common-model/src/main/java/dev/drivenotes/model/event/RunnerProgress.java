package dev.drivenotes.model.event;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;

/**
 * Live progress, best effort: a runner has driven {@code steps} steps of the experiment's episodes
 * since it started driving them. Published every second or two while it drives; nothing depends on
 * it but progress displays (a lost one is replaced by the next).
 *
 * @param experimentId the experiment
 * @param runner the runner's instance id
 * @param steps steps this runner drove for the experiment so far (its episodes in flight and done)
 */
public record RunnerProgress(String experimentId, String runner, long steps) implements DomainEvent {
    public RunnerProgress {
        Require.notBlank("experimentId", experimentId);
        Require.notBlank("runner", runner);
        if (steps < 0) {
            throw new InvalidInputException("steps", "must not be negative");
        }
    }
}

package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;

/** Advances a simulation by one fixed step with the given control. */
public record StepRequest(Control control) {
    public StepRequest {
        Require.notNull("control", control);
    }
}

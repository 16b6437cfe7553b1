package dev.drivenotes.model.experiment;

/** Experiment lifecycle: PENDING → RUNNING → COMPLETED | FAILED | CANCELLED. */
public enum ExperimentStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}

package dev.drivenotes.model.experiment;

/**
 * Experiment lifecycle: PENDING → RUNNING → COMPLETED | COMPLETED_WITH_FAILURES | FAILED |
 * CANCELLED. COMPLETED_WITH_FAILURES: every episode was tried, some failed on a dependency after
 * their retries; it has a report of what succeeded, listing what did not.
 */
public enum ExperimentStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    COMPLETED_WITH_FAILURES,
    FAILED,
    CANCELLED;

    public boolean terminal() {
        return this != PENDING && this != RUNNING;
    }

    /** Every episode was tried and a report follows (with or without failed episodes). */
    public boolean completed() {
        return this == COMPLETED || this == COMPLETED_WITH_FAILURES;
    }
}

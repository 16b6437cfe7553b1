package dev.drivenotes.model.sim;

/** Why an episode ended. RUNNING while it has not. */
public enum Termination {
    RUNNING,
    REACHED_DESTINATION,
    OFF_ROAD,
    COLLISION,
    MAX_STEPS,
    CANCELLED;

    public boolean done() {
        return this != RUNNING;
    }
}

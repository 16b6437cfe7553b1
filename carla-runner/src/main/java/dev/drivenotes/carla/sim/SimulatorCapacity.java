package dev.drivenotes.carla.sim;

/**
 * What a backend can run at once: callers that drive several simulations (the orchestrator's
 * lockstep) keep at most {@code maxLiveSimulations} alive.
 *
 * @param backend {@code embedded} or {@code carla}
 * @param maxLiveSimulations simulations that may be live at once
 */
public record SimulatorCapacity(String backend, int maxLiveSimulations) {

    public SimulatorCapacity {
        if (backend == null || backend.isBlank()) {
            throw new IllegalArgumentException("backend must be named");
        }
        if (maxLiveSimulations < 1) {
            throw new IllegalArgumentException("maxLiveSimulations must be >= 1, was " + maxLiveSimulations);
        }
    }
}

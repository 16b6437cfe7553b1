package dev.drivenotes.carla.sim;

import dev.drivenotes.model.sim.Termination;

/** A step was asked of a simulation that already ended. */
public final class SimulationFinishedException extends RuntimeException {

    public SimulationFinishedException(String simulationId, Termination termination) {
        super("simulation '" + simulationId + "' already ended with " + termination);
    }
}

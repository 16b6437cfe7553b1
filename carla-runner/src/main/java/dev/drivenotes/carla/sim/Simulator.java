package dev.drivenotes.carla.sim;

import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;

/**
 * The simulator port: the embedded OpenDRIVE simulator now, a CARLA 0.9.15 client in production.
 * Unknown ids raise {@link UnknownSimulationException}; stepping a finished simulation raises
 * {@link SimulationFinishedException}.
 */
public interface Simulator {

    SimulationState create(CreateSimulationRequest request);

    SimulationState step(String simulationId, Control control);

    SimulationState state(String simulationId);

    void destroy(String simulationId);
}

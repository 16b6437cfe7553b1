package dev.drivenotes.carla.sim;

import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;

/**
 * The simulator port. Each backend lives in its own subpackage beside the others ({@code
 * sim.embedded}: the pure-Java simulator over OpenDRIVE maps); callers such as the REST API know only
 * this interface and its exceptions. Unknown ids raise {@link UnknownSimulationException}; stepping a
 * finished simulation raises {@link SimulationFinishedException}.
 */
public interface Simulator {

    SimulationState create(CreateSimulationRequest request);

    SimulationState step(String simulationId, Control control);

    SimulationState state(String simulationId);

    void destroy(String simulationId);
}

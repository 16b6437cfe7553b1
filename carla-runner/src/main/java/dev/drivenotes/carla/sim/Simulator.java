package dev.drivenotes.carla.sim;

import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;

/**
 * The simulator port. Each backend lives in its own subpackage beside the others ({@code
 * sim.embedded}: the pure-Java simulator over OpenDRIVE maps; {@code sim.carla}: a CARLA 0.9.15
 * server); callers such as the REST API know only this interface and its exceptions. Unknown ids
 * raise {@link UnknownSimulationException}; stepping a finished simulation raises {@link
 * SimulationFinishedException}; more live simulations than {@link #capacity} allows raise {@link
 * SimulationLimitException}; a backend whose simulator fails raises {@link
 * SimulatorFailureException}.
 */
public interface Simulator {

    SimulationState create(CreateSimulationRequest request);

    SimulationState step(String simulationId, Control control);

    SimulationState state(String simulationId);

    void destroy(String simulationId);

    SimulatorCapacity capacity();
}

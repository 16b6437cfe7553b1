package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;

/**
 * A simulation after its latest step.
 *
 * @param simulationId id given by carla-runner
 * @param map the map reference the simulation runs on
 * @param step steps taken so far (0 right after creation)
 * @param simTimeS simulated seconds since creation
 * @param observation what the agent sees now
 * @param truth ground truth now
 * @param termination RUNNING or why it ended
 * @param route the planned route
 */
public record SimulationState(
        String simulationId,
        String map,
        int step,
        double simTimeS,
        Observation observation,
        GroundTruth truth,
        Termination termination,
        RouteInfo route) {
    public SimulationState {
        Require.notBlank("simulationId", simulationId);
        Require.notBlank("map", map);
        Require.inRange("step", step, 0, Integer.MAX_VALUE);
        Require.nonNegative("simTimeS", simTimeS);
        Require.notNull("observation", observation);
        Require.notNull("truth", truth);
        Require.notNull("termination", termination);
        Require.notNull("route", route);
    }

    public boolean done() {
        return termination.done();
    }
}

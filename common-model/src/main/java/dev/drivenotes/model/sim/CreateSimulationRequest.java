package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;

/**
 * Asks carla-runner for a new simulation.
 *
 * @param map map reference: a built-in name (e.g. {@code default-town}) or an OpenDRIVE file path
 * @param seed random seed: route choice (when {@code route} is null), spawn, GNSS noise, traffic
 * @param route the route to drive, or null to let the seed choose one between two POIs
 * @param maxSteps the episode ends after this many steps
 * @param npcCount background vehicles
 * @param gnssNoiseM standard deviation of the GNSS position noise
 * @param fixedDeltaSeconds simulation step
 */
public record CreateSimulationRequest(
        String map,
        long seed,
        RouteSpec route,
        int maxSteps,
        int npcCount,
        double gnssNoiseM,
        double fixedDeltaSeconds) {
    public CreateSimulationRequest {
        Require.notBlank("map", map);
        Require.inRange("maxSteps", maxSteps, 1, 1_000_000);
        Require.inRange("npcCount", npcCount, 0, 1_000);
        Require.inRange("gnssNoiseM", gnssNoiseM, 0, 100);
        Require.inRange("fixedDeltaSeconds", fixedDeltaSeconds, 0.001, 0.5);
    }
}

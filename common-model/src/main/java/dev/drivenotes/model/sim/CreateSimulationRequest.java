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
 * @param weather weather preset (CARLA's names); recorded by the embedded simulator
 * @param birdEyeSizePx 0 for no bird's-eye raster, else its size (64 or 128)
 */
public record CreateSimulationRequest(
        String map,
        long seed,
        RouteSpec route,
        int maxSteps,
        int npcCount,
        double gnssNoiseM,
        double fixedDeltaSeconds,
        String weather,
        int birdEyeSizePx) {
    public CreateSimulationRequest {
        Require.notBlank("map", map);
        Require.inRange("maxSteps", maxSteps, 1, 1_000_000);
        Require.inRange("npcCount", npcCount, 0, 1_000);
        Require.inRange("gnssNoiseM", gnssNoiseM, 0, 100);
        Require.inRange("fixedDeltaSeconds", fixedDeltaSeconds, 0.001, 0.5);
        weather = weather == null ? "ClearNoon" : Require.notBlank("weather", weather);
        if (birdEyeSizePx != 0 && birdEyeSizePx != 64 && birdEyeSizePx != 128) {
            throw new dev.drivenotes.model.InvalidInputException("birdEyeSizePx", "must be 0 (off), 64 or 128");
        }
    }
}

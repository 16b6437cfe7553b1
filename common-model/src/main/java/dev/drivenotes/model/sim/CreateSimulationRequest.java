package dev.drivenotes.model.sim;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import java.util.regex.Pattern;

/**
 * Asks carla-runner for a new simulation.
 *
 * @param map map reference: a built-in name (e.g. {@code default-town}) or an OpenDRIVE file path, at
 *     most {@link #MAX_MAP_CHARS} characters
 * @param seed random seed: route choice (when {@code route} is null), spawn, GNSS noise, traffic
 * @param route the route to drive, or null to let the seed choose one between two POIs
 * @param maxSteps the episode ends after this many steps
 * @param npcCount background vehicles
 * @param gnssNoiseM standard deviation of the GNSS position noise
 * @param gnssDropoutRate share of steps, 0..1, on which the GNSS receiver has no fix (it repeats its
 *     last one and the observation says {@code gnssDropout})
 * @param fixedDeltaSeconds simulation step
 * @param weather weather preset (CARLA's names, e.g. {@code ClearNoon}: a letter, then letters, digits
 *     or '_', at most {@link #MAX_WEATHER_CHARS}); recorded by the embedded simulator
 * @param birdEyeSizePx 0 for no bird's-eye raster, else its size (64 or 128)
 * @param npcAggressiveness how the background vehicles drive, 0 (cautious) .. 1 (aggressive); null
 *     (a client that does not send it) means {@value #DEFAULT_NPC_AGGRESSIVENESS}, the standard driver
 */
public record CreateSimulationRequest(
        String map,
        long seed,
        RouteSpec route,
        int maxSteps,
        int npcCount,
        double gnssNoiseM,
        double gnssDropoutRate,
        double fixedDeltaSeconds,
        String weather,
        int birdEyeSizePx,
        Double npcAggressiveness) {

    /** The longest map reference (a file path) accepted. */
    public static final int MAX_MAP_CHARS = 1024;

    /** The longest weather preset name accepted (CARLA's longest is 20 characters). */
    public static final int MAX_WEATHER_CHARS = 64;

    public static final String DEFAULT_WEATHER = "ClearNoon";

    public static final double DEFAULT_NPC_AGGRESSIVENESS = 0.5;

    private static final Pattern WEATHER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public CreateSimulationRequest {
        Require.notBlank("map", map, MAX_MAP_CHARS);
        Require.inRange("maxSteps", maxSteps, 1, 1_000_000);
        Require.inRange("npcCount", npcCount, 0, 1_000);
        Require.inRange("gnssNoiseM", gnssNoiseM, 0, 100);
        Require.inRange("gnssDropoutRate", gnssDropoutRate, 0, 1);
        Require.inRange("fixedDeltaSeconds", fixedDeltaSeconds, 0.001, 0.5);
        weather = weather(weather);
        if (birdEyeSizePx != 0 && birdEyeSizePx != 64 && birdEyeSizePx != 128) {
            throw new InvalidInputException("birdEyeSizePx", "must be 0 (off), 64 or 128");
        }
        npcAggressiveness = npcAggressiveness == null ? DEFAULT_NPC_AGGRESSIVENESS : npcAggressiveness;
        Require.inRange("npcAggressiveness", npcAggressiveness, 0, 1);
    }

    /**
     * A weather preset name checked as the {@code weather} field, or {@link #DEFAULT_WEATHER} for
     * null.
     */
    public static String weather(String weather) {
        if (weather == null) {
            return DEFAULT_WEATHER;
        }
        Require.notBlank("weather", weather, MAX_WEATHER_CHARS);
        if (!WEATHER.matcher(weather).matches()) {
            throw new InvalidInputException(
                    "weather", "must be a preset name: a letter, then letters, digits or '_' (e.g. ClearNoon)");
        }
        return weather;
    }
}

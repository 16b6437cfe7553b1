package dev.drivenotes.dreamer.model;

import java.util.Map;

/**
 * The JSON beside a checkpoint's parameters.
 *
 * @param format checkpoint format version
 * @param config network sizes
 * @param observation observation spec (vector length and content)
 * @param actions action spec
 * @param seed training seed
 * @param envSteps environment steps collected
 * @param updates gradient updates
 * @param wallSeconds training wall time
 * @param commit git commit of the trainer
 * @param stats last training statistics
 * @param narrationTemperature the narration head's softmax temperature fitted on validation seeds
 *     ({@code calibrate}); null when it has not been fitted (the head's probabilities are served
 *     uncalibrated, temperature 1) or the model has no head
 */
public record CheckpointMeta(
        int format,
        DreamerConfig config,
        String observation,
        String actions,
        long seed,
        long envSteps,
        long updates,
        double wallSeconds,
        String commit,
        Map<String, Double> stats,
        Double narrationTemperature) {

    public static final int FORMAT = 1;
    public static final String OBSERVATION_SPEC = "ObservationVector v1, dim " + ObservationVector.DIM;
    public static final String ACTION_SPEC = "CarDreamer discrete 15: acc {-2,0,2} x steer {-0.6,-0.2,0,0.2,0.6}";

    public CheckpointMeta {
        stats = Map.copyOf(stats);
        if (narrationTemperature != null && !(narrationTemperature > 0 && narrationTemperature < 1e6)) {
            throw new IllegalArgumentException(
                    "narrationTemperature must be positive and finite, was " + narrationTemperature);
        }
    }

    /** These metadata with a fitted narration temperature. */
    public CheckpointMeta withNarrationTemperature(double temperature) {
        return new CheckpointMeta(
                format, config, observation, actions, seed, envSteps, updates, wallSeconds, commit, stats, temperature);
    }

    /** The temperature the head's probabilities are served with: the fitted one, else 1. */
    public double servedNarrationTemperature() {
        return narrationTemperature == null ? 1 : narrationTemperature;
    }

    /** The observation spec of a model: the vector, plus the bird's-eye raster when it has one. */
    public static String observationSpec(DreamerConfig c) {
        return c.usesRaster()
                ? OBSERVATION_SPEC + " + bird's-eye raster " + c.rasterSize() + "x" + c.rasterSize() + "x"
                        + c.rasterChannels() + " (bytes/255 - 0.5)"
                : OBSERVATION_SPEC;
    }
}

package dev.drivenotes.dreamer.model;

import java.util.Locale;

/**
 * Sizes of one DreamerV3 agent.
 *
 * @param preset the preset name these sizes come from
 * @param obsDim length of the observation vector ({@link ObservationVector#DIM})
 * @param deter GRU (deterministic) state size
 * @param hidden width of every MLP layer
 * @param stoch number of categorical latents
 * @param classes classes per categorical latent
 * @param actions number of discrete actions ({@link DrivingActions#COUNT})
 */
public record DreamerConfig(String preset, int obsDim, int deter, int hidden, int stoch, int classes, int actions) {

    public DreamerConfig {
        if (obsDim < 1 || deter < 1 || hidden < 1 || stoch < 1 || classes < 2 || classes > 256 || actions < 2) {
            throw new IllegalArgumentException("invalid DreamerV3 sizes: " + preset);
        }
    }

    /**
     * A named preset: {@code tiny} (tests), {@code compact} (deter 128, hidden 128, 16×16: the
     * shared 2-core machine), {@code small} (trainable on 2 CPU cores, deter 256,
     * hidden 256, 32×16 latents), {@code medium} (deter 512, hidden 512, 32×32).
     */
    public static DreamerConfig preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny" -> new DreamerConfig("tiny", ObservationVector.DIM, 32, 32, 4, 4, DrivingActions.COUNT);
            case "compact" ->
                new DreamerConfig("compact", ObservationVector.DIM, 128, 128, 16, 16, DrivingActions.COUNT);
            case "small" -> new DreamerConfig("small", ObservationVector.DIM, 256, 256, 32, 16, DrivingActions.COUNT);
            case "medium" -> new DreamerConfig("medium", ObservationVector.DIM, 512, 512, 32, 32, DrivingActions.COUNT);
            default ->
                throw new IllegalArgumentException(
                        "unknown preset '" + name + "'; expected tiny, compact, small or medium");
        };
    }

    /** Flattened stochastic state size. */
    public int stochFlat() {
        return stoch * classes;
    }

    /** Model state features fed to the heads: deterministic plus stochastic. */
    public int feat() {
        return deter + stochFlat();
    }
}

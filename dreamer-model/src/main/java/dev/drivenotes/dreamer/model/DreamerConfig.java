package dev.drivenotes.dreamer.model;

import java.util.Locale;

/**
 * Sizes of one DreamerV3 agent. The bird's-eye raster is optional: checkpoints written before it
 * existed have no raster fields in their JSON, which read as 0 (off), so they load unchanged.
 *
 * @param preset the preset name these sizes come from
 * @param obsDim length of the observation vector ({@link ObservationVector#DIM})
 * @param deter GRU (deterministic) state size
 * @param hidden width of every MLP layer
 * @param stoch number of categorical latents
 * @param classes classes per categorical latent
 * @param actions number of discrete actions ({@link DrivingActions#COUNT})
 * @param rasterSize bird's-eye raster width and height in pixels, 0 when the model has no raster
 *     input; otherwise a power of two from 8 to 512 (the simulator renders 64 or 128)
 * @param rasterChannels planes of the raster (the simulator's {@code lanes, route, vehicles}: 3)
 * @param cnnDepth channels of the first convolution; each further stage doubles them
 * @param narrationClasses outputs of the narration head ({@link Narration#CLASSES}), 0 for a model
 *     without one (every checkpoint written before the head existed: its JSON has no such field)
 */
public record DreamerConfig(
        String preset,
        int obsDim,
        int deter,
        int hidden,
        int stoch,
        int classes,
        int actions,
        int rasterSize,
        int rasterChannels,
        int cnnDepth,
        int narrationClasses) {

    /** Planes of the simulator's raster: lanes, route, vehicles. */
    public static final int BIRD_EYE_CHANNELS = 3;

    public DreamerConfig {
        if (obsDim < 1 || deter < 1 || hidden < 1 || stoch < 1 || classes < 2 || classes > 256 || actions < 2) {
            throw new IllegalArgumentException("invalid DreamerV3 sizes: " + preset);
        }
        if (rasterSize == 0) {
            if (rasterChannels != 0 || cnnDepth != 0) {
                throw new IllegalArgumentException(
                        "rasterChannels and cnnDepth must be 0 without a raster (rasterSize 0): " + preset);
            }
        } else if (rasterSize < 8 || rasterSize > 512 || Integer.bitCount(rasterSize) != 1) {
            throw new IllegalArgumentException(
                    "rasterSize must be 0 (off) or a power of two from 8 to 512, was " + rasterSize);
        } else if (rasterChannels < 1 || rasterChannels > 16 || cnnDepth < 1 || cnnDepth > 256) {
            throw new IllegalArgumentException(
                    "rasterChannels must be 1..16 and cnnDepth 1..256 with a raster: " + preset);
        }
        if (narrationClasses != 0 && narrationClasses != Narration.CLASSES.size()) {
            throw new IllegalArgumentException("narrationClasses must be 0 (no narration head) or "
                    + Narration.CLASSES.size() + ", was " + narrationClasses);
        }
    }

    /** Sizes without a narration head. */
    public DreamerConfig(
            String preset,
            int obsDim,
            int deter,
            int hidden,
            int stoch,
            int classes,
            int actions,
            int rasterSize,
            int rasterChannels,
            int cnnDepth) {
        this(preset, obsDim, deter, hidden, stoch, classes, actions, rasterSize, rasterChannels, cnnDepth, 0);
    }

    /** Sizes without a bird's-eye raster (vector observations only) and without a narration head. */
    public DreamerConfig(String preset, int obsDim, int deter, int hidden, int stoch, int classes, int actions) {
        this(preset, obsDim, deter, hidden, stoch, classes, actions, 0, 0, 0, 0);
    }

    /**
     * A named preset: {@code tiny} (tests), {@code compact} (deter 128, hidden 128, 16×16: the
     * shared 2-core machine), {@code small} (trainable on 2 CPU cores, deter 256, hidden 256, 32×16
     * latents), {@code medium} (deter 512, hidden 512, 32×32); {@code tiny-bev} and {@code
     * compact-bev} add the 64×64×3 bird's-eye raster with a CNN of depth 4 and 16. Every preset has
     * the narration head.
     */
    public static DreamerConfig preset(String name) {
        return withoutNarration(name).withNarration();
    }

    private static DreamerConfig withoutNarration(String name) {
        int obs = ObservationVector.DIM;
        int a = DrivingActions.COUNT;
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny" -> new DreamerConfig("tiny", obs, 32, 32, 4, 4, a);
            case "compact" -> new DreamerConfig("compact", obs, 128, 128, 16, 16, a);
            case "small" -> new DreamerConfig("small", obs, 256, 256, 32, 16, a);
            case "medium" -> new DreamerConfig("medium", obs, 512, 512, 32, 32, a);
            case "tiny-bev" -> new DreamerConfig("tiny-bev", obs, 32, 32, 4, 4, a, 64, BIRD_EYE_CHANNELS, 4);
            case "compact-bev" -> new DreamerConfig("compact-bev", obs, 128, 128, 16, 16, a, 64, BIRD_EYE_CHANNELS, 16);
            default ->
                throw new IllegalArgumentException("unknown preset '" + name
                        + "'; expected tiny, compact, small, medium, tiny-bev or compact-bev");
        };
    }

    /** These sizes with the narration head (a checkpoint without one gains a fresh head). */
    public DreamerConfig withNarration() {
        return new DreamerConfig(
                preset,
                obsDim,
                deter,
                hidden,
                stoch,
                classes,
                actions,
                rasterSize,
                rasterChannels,
                cnnDepth,
                Narration.CLASSES.size());
    }

    /** Whether the model has the narration head. */
    public boolean narrates() {
        return narrationClasses > 0;
    }

    /** Flattened stochastic state size. */
    public int stochFlat() {
        return stoch * classes;
    }

    /** Model state features fed to the heads: deterministic plus stochastic. */
    public int feat() {
        return deter + stochFlat();
    }

    /** Whether the model sees a bird's-eye raster besides the vector. */
    public boolean usesRaster() {
        return rasterSize > 0;
    }

    /** Bytes of one raster: channels × size × size (0 without one). */
    public int rasterBytes() {
        return rasterChannels * rasterSize * rasterSize;
    }
}

package dev.drivenotes.trainer;

import java.nio.file.Path;

/**
 * How to train.
 *
 * @param envSteps environment steps to collect in total
 * @param preset network size preset (tiny, small, medium)
 * @param seed seed of initialisation, sampling and training routes
 * @param out checkpoint folder
 * @param resume continue from the checkpoint in {@code out}
 * @param initFrom a checkpoint folder whose parameters a new run starts from (null: fresh
 *     parameters): its networks and counters, a fresh narration head when it has none, fresh optimiser
 *     state and an empty replay
 * @param narrationOnly train only the narration head, leaving every other network as it is (with
 *     {@code initFrom}: the checkpoint drives exactly as before)
 * @param envs environments stepped side by side
 * @param demoEnvs of those, how many the autopilot drives (demonstrations; the rest the agent)
 * @param warmupSteps environment steps, all by the autopilot, before the first update
 * @param stepsPerUpdate environment steps (over all envs) per gradient update
 * @param batch sequences per update
 * @param length steps per sequence
 * @param maxEpisodeSteps step limit of a training episode
 * @param npcs background vehicles per training episode
 * @param dataDir where the generated town is written
 * @param map map reference
 * @param replayCapacity environment steps the replay keeps (each of the {@code envs} streams its
 *     newest {@code replayCapacity / envs}; enough for a sequence per stream at least)
 * @param missedTurnRate share of junction entries left by another maneuver than the plan's on purpose
 *     ({@link MissedTurns}: traversals that teach the narration head what was done, not what was
 *     planned), 0..1, default 0
 */
public record TrainSettings(
        long envSteps,
        String preset,
        long seed,
        Path out,
        boolean resume,
        Path initFrom,
        boolean narrationOnly,
        int envs,
        int demoEnvs,
        long warmupSteps,
        int stepsPerUpdate,
        int batch,
        int length,
        int maxEpisodeSteps,
        int npcs,
        Path dataDir,
        String map,
        long replayCapacity,
        double missedTurnRate) {

    /** Seeds of training routes start here; evaluation seeds below it were never used in training. */
    public static final long TRAIN_SEED_BASE = 1_000_000;

    // the defaults of ./drivenotes train (its option defaults name these)
    public static final String DEFAULT_PRESET = "compact";
    public static final long DEFAULT_SEED = 7;
    public static final String DEFAULT_OUT = "checkpoints/dreamer";
    public static final int DEFAULT_ENVS = 4;
    public static final int DEFAULT_DEMO_ENVS = 1;
    public static final int DEFAULT_NPCS = 20;
    public static final String DEFAULT_DATA_DIR = ".drivenotes";
    /** DreamerV3's replay size. */
    public static final long DEFAULT_REPLAY_CAPACITY = 1_000_000;

    public TrainSettings {
        if (envSteps < 1
                || envs < 1
                || demoEnvs < 0
                || demoEnvs > envs
                || stepsPerUpdate < 1
                || batch < 1
                || length < 2
                || maxEpisodeSteps < 10
                || npcs < 0) {
            throw new IllegalArgumentException("invalid training settings");
        }
        if (resume && initFrom != null) {
            throw new IllegalArgumentException("--init-from: a resumed run continues its own checkpoint");
        }
        if (!(missedTurnRate >= 0 && missedTurnRate <= 1)) {
            throw new IllegalArgumentException("--missed-turn-rate: must be 0..1, was " + missedTurnRate);
        }
        if (replayCapacity < (long) envs * (length + 1)) {
            throw new IllegalArgumentException("replayCapacity: must hold at least envs × (length + 1) = "
                    + (long) envs * (length + 1) + " steps, was " + replayCapacity);
        }
    }

    /**
     * The settings of {@code ./drivenotes train --steps envSteps}, to change by name: a fresh
     * {@value #DEFAULT_PRESET} run with seed {@value #DEFAULT_SEED} into {@value #DEFAULT_OUT},
     * {@value #DEFAULT_ENVS} environments of which {@value #DEFAULT_DEMO_ENVS} the autopilot drives,
     * 2 000 warm-up steps, an update of 8 sequences × 32 steps every 8 environment steps, episodes of
     * at most 1 500 steps with {@value #DEFAULT_NPCS} background vehicles on the generated town
     * (written to {@value #DEFAULT_DATA_DIR}), and DreamerV3's replay size.
     */
    public static Builder defaults(long envSteps) {
        return new Builder(envSteps);
    }

    /** Training settings under construction: the defaults, and the changes the caller names. */
    public static final class Builder {
        private final long envSteps;
        private String preset = DEFAULT_PRESET;
        private long seed = DEFAULT_SEED;
        private Path out = Path.of(DEFAULT_OUT);
        private boolean resume;
        private Path initFrom;
        private boolean narrationOnly;
        private int envs = DEFAULT_ENVS;
        private int demoEnvs = DEFAULT_DEMO_ENVS;
        private long warmupSteps = 2_000;
        private int stepsPerUpdate = 8;
        private int batch = 8;
        private int length = 32;
        private int maxEpisodeSteps = 1_500;
        private int npcs = DEFAULT_NPCS;
        private Path dataDir = Path.of(DEFAULT_DATA_DIR);
        private String map = "default-town";
        private long replayCapacity = DEFAULT_REPLAY_CAPACITY;
        private double missedTurnRate;

        private Builder(long envSteps) {
            this.envSteps = envSteps;
        }

        public Builder preset(String preset) {
            this.preset = preset;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /** Starts from a checkpoint's parameters ({@link TrainSettings#initFrom}); null for fresh ones. */
        public Builder initFrom(Path initFrom) {
            this.initFrom = initFrom;
            return this;
        }

        public Builder narrationOnly(boolean narrationOnly) {
            this.narrationOnly = narrationOnly;
            return this;
        }

        /** Environments stepped side by side, and how many of them the autopilot drives. */
        public Builder envs(int envs, int demoEnvs) {
            this.envs = envs;
            this.demoEnvs = demoEnvs;
            return this;
        }

        public Builder warmupSteps(long warmupSteps) {
            this.warmupSteps = warmupSteps;
            return this;
        }

        /** Sequences per update and steps per sequence. */
        public Builder batch(int batch, int length) {
            this.batch = batch;
            this.length = length;
            return this;
        }

        public Builder maxEpisodeSteps(int maxEpisodeSteps) {
            this.maxEpisodeSteps = maxEpisodeSteps;
            return this;
        }

        public Builder npcs(int npcs) {
            this.npcs = npcs;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder replayCapacity(long replayCapacity) {
            this.replayCapacity = replayCapacity;
            return this;
        }

        /** Share of junction entries left by another maneuver than the plan's ({@link MissedTurns}). */
        public Builder missedTurnRate(double missedTurnRate) {
            this.missedTurnRate = missedTurnRate;
            return this;
        }

        /** The settings, validated. */
        public TrainSettings build() {
            return new TrainSettings(
                    envSteps,
                    preset,
                    seed,
                    out,
                    resume,
                    initFrom,
                    narrationOnly,
                    envs,
                    demoEnvs,
                    warmupSteps,
                    stepsPerUpdate,
                    batch,
                    length,
                    maxEpisodeSteps,
                    npcs,
                    dataDir,
                    map,
                    replayCapacity,
                    missedTurnRate);
        }
    }
}

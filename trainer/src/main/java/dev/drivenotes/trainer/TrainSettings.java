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
 */
public record TrainSettings(
        long envSteps,
        String preset,
        long seed,
        Path out,
        boolean resume,
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
        long replayCapacity) {

    /** Seeds of training routes start here; evaluation seeds below it were never used in training. */
    public static final long TRAIN_SEED_BASE = 1_000_000;

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
        if (replayCapacity < (long) envs * (length + 1)) {
            throw new IllegalArgumentException("replayCapacity: must hold at least envs × (length + 1) = "
                    + (long) envs * (length + 1) + " steps, was " + replayCapacity);
        }
    }
}

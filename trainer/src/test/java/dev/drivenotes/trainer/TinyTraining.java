package dev.drivenotes.trainer;

import java.nio.file.Path;

/** Training runs small enough for a test: two environments, short sequences, no traffic. */
final class TinyTraining {

    static final long REPLAY_CAPACITY = 10_000;

    private TinyTraining() {}

    static TrainSettings.Builder settings(long envSteps, String preset, long seed, Path out, Path dataDir) {
        return TrainSettings.defaults(envSteps)
                .preset(preset)
                .seed(seed)
                .out(out)
                .dataDir(dataDir)
                .envs(2, 1)
                .warmupSteps(120)
                .batch(4, 8)
                .maxEpisodeSteps(200)
                .npcs(0)
                .replayCapacity(REPLAY_CAPACITY);
    }
}

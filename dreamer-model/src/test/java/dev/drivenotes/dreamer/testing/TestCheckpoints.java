package dev.drivenotes.dreamer.testing;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.CheckpointMeta;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.Params;
import java.nio.file.Path;
import java.util.Map;

/** Checkpoints for tests: freshly initialised parameters of a preset, written by {@link Checkpoint#save}. */
public final class TestCheckpoints {

    private TestCheckpoints() {}

    /** The meta of a checkpoint of {@code preset} with recognisable counters. */
    public static CheckpointMeta meta(String preset, long envSteps) {
        DreamerConfig config = DreamerConfig.preset(preset);
        return new CheckpointMeta(
                CheckpointMeta.FORMAT,
                config,
                CheckpointMeta.observationSpec(config),
                CheckpointMeta.ACTION_SPEC,
                7,
                envSteps,
                envSteps / 10,
                12.5,
                "test",
                Map.of("decoder", 0.25),
                null);
    }

    /** Writes freshly initialised parameters (from {@code seed}) with {@code meta} to {@code dir}; answers them. */
    public static Params write(NDManager manager, Path dir, CheckpointMeta meta, long seed) {
        Params params = Params.initialise(manager, DreamerNets.layout(meta.config()), seed);
        Checkpoint.save(dir, meta, params);
        return params;
    }
}

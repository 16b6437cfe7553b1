package dev.drivenotes.dreamer.serving;

import ai.djl.ndarray.NDManager;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.CheckpointMeta;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Test checkpoints in a Cloud Storage fake: written with {@link Checkpoint#save}, uploaded object by object. */
final class GcsCheckpoints {

    private GcsCheckpoints() {}

    /** A bucket name no other test uses (google-cloud-nio's fake is shared by the whole JVM). */
    static String freshBucket() {
        return "drivenotes-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The meta of a {@code tiny} checkpoint with recognisable counters. */
    static CheckpointMeta tinyMeta(long envSteps) {
        return new CheckpointMeta(
                CheckpointMeta.FORMAT,
                DreamerConfig.preset("tiny"),
                CheckpointMeta.OBSERVATION_SPEC,
                CheckpointMeta.ACTION_SPEC,
                7,
                envSteps,
                envSteps / 10,
                12.5,
                "gcs-test",
                Map.of("decoder", 0.25));
    }

    /** Writes a freshly initialised {@code tiny} checkpoint to {@code dir}; answers its parameters. */
    static Params writeTiny(NDManager manager, Path dir, CheckpointMeta meta, long seed) {
        Params params = Params.initialise(manager, DreamerNets.layout(meta.config()), seed);
        Checkpoint.save(dir, meta, params);
        return params;
    }

    /** Uploads {@code dir}'s file {@code file} as object {@code prefix + file}. */
    static void upload(Storage storage, String bucket, String prefix, Path dir, String file) throws IOException {
        upload(storage, bucket, prefix + file, Files.readAllBytes(dir.resolve(file)));
    }

    static void upload(Storage storage, String bucket, String name, byte[] content) {
        storage.create(BlobInfo.newBuilder(bucket, name).build(), content);
    }
}

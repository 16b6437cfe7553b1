package dev.drivenotes.dreamer.serving;

import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Test checkpoints in a Cloud Storage fake, uploaded object by object. */
final class GcsCheckpoints {

    private GcsCheckpoints() {}

    /** A bucket name no other test uses (google-cloud-nio's fake is shared by the whole JVM). */
    static String freshBucket() {
        return "drivenotes-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Uploads {@code dir}'s file {@code file} as object {@code prefix + file}. */
    static void upload(Storage storage, String bucket, String prefix, Path dir, String file) throws IOException {
        upload(storage, bucket, prefix + file, Files.readAllBytes(dir.resolve(file)));
    }

    static void upload(Storage storage, String bucket, String name, byte[] content) {
        storage.create(BlobInfo.newBuilder(bucket, name).build(), content);
    }
}

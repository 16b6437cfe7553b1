package dev.drivenotes.dreamer.serving;

import static dev.drivenotes.dreamer.serving.GcsCheckpoints.freshBucket;
import static dev.drivenotes.dreamer.serving.GcsCheckpoints.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.CheckpointMeta;
import dev.drivenotes.dreamer.model.Params;
import dev.drivenotes.dreamer.serving.CheckpointLoader.Source;
import dev.drivenotes.dreamer.testing.SharedManager;
import dev.drivenotes.dreamer.testing.TestCheckpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CheckpointLoaderTest {

    @RegisterExtension
    static final SharedManager DJL = new SharedManager();

    private final Storage storage = LocalStorageHelper.getOptions().getService();
    private final String bucket = freshBucket();

    /** Fails the test if a local location ever asks for a Cloud Storage client. */
    private static final Supplier<Storage> NO_GCP = () -> {
        throw new AssertionError("a non-gs:// location asked for a Cloud Storage client");
    };

    @Test
    void loadsTheParametersAndMetaOfAGcsFolder(@TempDir Path dir) throws IOException {
        CheckpointMeta meta = TestCheckpoints.meta("tiny", 4321);
        Params saved = TestCheckpoints.write(DJL.get(), dir, meta, 99);
        upload(storage, bucket, "dreamer/run-7/", dir, Checkpoint.META);
        upload(storage, bucket, "dreamer/run-7/", dir, Checkpoint.PARAMS);

        Checkpoint loaded = new CheckpointLoader(() -> storage)
                .load(DJL.get(), new Source("AIP_STORAGE_URI", "gs://" + bucket + "/dreamer/run-7"));

        assertThat(loaded.meta()).isEqualTo(meta);
        assertSameParameters(loaded.nets().params(), saved);
    }

    @Test
    void theGcsFolderIsReadInsteadOfTheBundledCheckpoint(@TempDir Path dir) throws IOException {
        TestCheckpoints.write(DJL.get(), dir, TestCheckpoints.meta("tiny", 17), 3);
        upload(storage, bucket, "", dir, Checkpoint.META);
        upload(storage, bucket, "", dir, Checkpoint.PARAMS);

        Checkpoint fromGcs = new CheckpointLoader(() -> storage)
                .load(DJL.get(), CheckpointLoader.locate("gs://" + bucket + "/", null));
        Checkpoint bundled = new CheckpointLoader(NO_GCP).load(DJL.get(), CheckpointLoader.locate(" ", null));

        assertThat(fromGcs.meta().config().preset()).isEqualTo("tiny");
        assertThat(fromGcs.meta().envSteps()).isEqualTo(17);
        assertThat(bundled.meta()).isNotEqualTo(fromGcs.meta());
    }

    @Test
    void localAndBundledCheckpointsNeverAskForACloudStorageClient(@TempDir Path dir) {
        CheckpointMeta meta = TestCheckpoints.meta("tiny", 5);
        Params saved = TestCheckpoints.write(DJL.get(), dir, meta, 5);
        CheckpointLoader loader = new CheckpointLoader(NO_GCP);

        Checkpoint local = loader.load(DJL.get(), new Source("AIP_STORAGE_URI", dir.toString()));
        Checkpoint fileUri = loader.load(
                DJL.get(),
                new Source("drivenotes.dreamer.checkpoint", dir.toUri().toString()));
        Checkpoint bundled = loader.load(DJL.get(), null);

        assertThat(local.meta()).isEqualTo(meta);
        assertSameParameters(fileUri.nets().params(), saved);
        assertThat(bundled.meta().format()).isEqualTo(CheckpointMeta.FORMAT);
    }

    @Test
    void theModelVersionNamesEnvStepsTheParametersDigestAndAFittedTemperature(@TempDir Path dir) throws Exception {
        CheckpointMeta meta = TestCheckpoints.meta("tiny", 4321);
        TestCheckpoints.write(DJL.get(), dir, meta, 99);
        String sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(dir.resolve(Checkpoint.PARAMS))));
        CheckpointLoader loader = new CheckpointLoader(NO_GCP);

        Checkpoint loaded = loader.load(DJL.get(), new Source("AIP_STORAGE_URI", dir.toString()));
        assertThat(loaded.paramsSha256()).isEqualTo(sha256);
        assertThat(CheckpointLoader.modelVersion(loaded)).isEqualTo("dreamer:4321:" + sha256.substring(0, 12));

        Checkpoint.saveMeta(dir, meta.withNarrationTemperature(0.7));
        Checkpoint calibrated = loader.load(DJL.get(), new Source("AIP_STORAGE_URI", dir.toString()));
        assertThat(CheckpointLoader.modelVersion(calibrated))
                .isEqualTo("dreamer:4321:" + sha256.substring(0, 12) + ":t0.7");
    }

    @Test
    void aCheckpointWithOtherParametersHasAnotherModelVersion(@TempDir Path a, @TempDir Path b) {
        TestCheckpoints.write(DJL.get(), a, TestCheckpoints.meta("tiny", 10), 1);
        TestCheckpoints.write(DJL.get(), b, TestCheckpoints.meta("tiny", 10), 2);
        CheckpointLoader loader = new CheckpointLoader(NO_GCP);

        assertThat(CheckpointLoader.modelVersion(loader.load(DJL.get(), new Source("AIP_STORAGE_URI", a.toString()))))
                .isNotEqualTo(CheckpointLoader.modelVersion(
                        loader.load(DJL.get(), new Source("AIP_STORAGE_URI", b.toString()))));
        assertThat(CheckpointLoader.modelVersion(loader.load(DJL.get(), null))).startsWith("dreamer:");
    }

    @Test
    void theCheckpointPropertyWinsOverAipStorageUri() {
        assertThat(CheckpointLoader.locate("gs://a-bucket/x", "gs://b-bucket/y"))
                .isEqualTo(new Source("drivenotes.dreamer.checkpoint", "gs://a-bucket/x"));
        assertThat(CheckpointLoader.locate("", " gs://b-bucket/y "))
                .isEqualTo(new Source("AIP_STORAGE_URI", "gs://b-bucket/y"));
        assertThat(CheckpointLoader.locate(null, "  ")).isNull();
    }

    @Test
    void aMissingObjectFailsNamingTheSettingAndTheObject(@TempDir Path dir) throws IOException {
        TestCheckpoints.write(DJL.get(), dir, TestCheckpoints.meta("tiny", 1), 1);
        upload(storage, bucket, "dreamer/run-8/", dir, Checkpoint.META);

        assertThatThrownBy(() -> new CheckpointLoader(() -> storage)
                        .load(DJL.get(), new Source("AIP_STORAGE_URI", "gs://" + bucket + "/dreamer/run-8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AIP_STORAGE_URI=gs://" + bucket + "/dreamer/run-8/: ")
                .hasMessageContaining("gs://" + bucket + "/dreamer/run-8/params.ndlist does not exist");
    }

    @Test
    void aMalformedLocationFailsBeforeAnyClientIsMade() {
        assertThatThrownBy(() -> new CheckpointLoader(NO_GCP)
                        .load(DJL.get(), new Source("drivenotes.dreamer.checkpoint", "gs:/models/run-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("drivenotes.dreamer.checkpoint 'gs:/models/run-1' is not a gs://bucket/prefix location: "
                        + "it must start with gs://");
    }

    @Test
    void aCorruptDownloadedCheckpointNamesTheGcsLocation(@TempDir Path dir) throws IOException {
        TestCheckpoints.write(DJL.get(), dir, TestCheckpoints.meta("tiny", 1), 1);
        upload(storage, bucket, "bad/", dir, Checkpoint.META);
        upload(storage, bucket, "bad/params.ndlist", new byte[] {0, 1, 2});

        assertThatThrownBy(() -> new CheckpointLoader(() -> storage)
                        .load(DJL.get(), new Source("AIP_STORAGE_URI", "gs://" + bucket + "/bad")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("AIP_STORAGE_URI=gs://" + bucket + "/bad: cannot read checkpoint")
                .hasMessageEndingWith(": params.ndlist is malformed: Malformed data");
    }

    private static void assertSameParameters(Params loaded, Params saved) {
        Map<String, NDArray> expected = saved.all();
        assertThat(loaded.all().keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, array) ->
                assertThat(loaded.get(name).contentEquals(array)).as(name).isTrue());
    }
}

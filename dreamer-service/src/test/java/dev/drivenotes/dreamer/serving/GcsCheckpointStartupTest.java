package dev.drivenotes.dreamer.serving;

import static dev.drivenotes.dreamer.serving.GcsCheckpoints.freshBucket;
import static dev.drivenotes.dreamer.serving.GcsCheckpoints.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.drivenotes.dreamer.DreamerServiceApplication;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.CheckpointMeta;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.policy.PolicyCatalog;
import dev.drivenotes.dreamer.testing.TestCheckpoints;
import java.io.IOException;
import java.nio.file.Path;
import org.assertj.core.util.Throwables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Boots the service as Vertex AI starts it for a model whose artifacts are in Cloud Storage. */
class GcsCheckpointStartupTest {

    private final Storage storage = LocalStorageHelper.getOptions().getService();
    private final String bucket = freshBucket();

    @Test
    void servesTheCheckpointOfAGsAipStorageUri(@TempDir Path checkpoint, @TempDir Path dataDir) throws IOException {
        CheckpointMeta meta = TestCheckpoints.meta("tiny", 2468);
        try (NDManager manager = Djl.newManager()) {
            TestCheckpoints.write(manager, checkpoint, meta, 21);
        }
        upload(storage, bucket, "model/", checkpoint, Checkpoint.META);
        upload(storage, bucket, "model/", checkpoint, Checkpoint.PARAMS);

        try (ConfigurableApplicationContext app =
                vertex(dataDir, "AIP_STORAGE_URI=gs://" + bucket + "/model").run()) {
            assertThat(app.getBean(Checkpoint.class).meta()).isEqualTo(meta);
            assertThat(app.getBean(PolicyCatalog.class).names()).contains("dreamer");
        }
    }

    @Test
    void aGsLocationWithoutACheckpointStopsTheStart(@TempDir Path dataDir) {
        assertThatThrownBy(() -> vertex(dataDir, "AIP_STORAGE_URI=gs://" + bucket + "/model/")
                        .run())
                .satisfies(e -> assertThat(Throwables.getRootCause(e))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("AIP_STORAGE_URI=gs://" + bucket
                                + "/model/: no checkpoint.json or params.ndlist in the folder, which is empty"));
    }

    private SpringApplicationBuilder vertex(Path dataDir, String aipStorageUri) {
        return DreamerServiceApplication.builder()
                .properties("AIP_HTTP_PORT=0", "drivenotes.data-dir=" + dataDir, aipStorageUri)
                .initializers(context -> context.getBeanFactory().registerSingleton("testStorage", storage));
    }
}

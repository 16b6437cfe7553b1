package dev.drivenotes.reporter.store;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.gcp.storage.GcsArtifactStore;
import java.nio.file.Path;
import java.util.UUID;

/** The two places the reporter's state lives, for tests that must hold for both. */
public enum StateStores {
    /** Locally: the DuckDB file, artifacts in a folder. */
    DUCKDB,
    /**
     * Profile {@code gcp}: documents in Cloud Storage (google-cloud-nio's in-memory fake of the
     * Storage API), artifacts in the same bucket.
     */
    CLOUD_STORAGE;

    /** A sink and the artifact store the reports go to; closing it closes the sink. */
    public record Opened(MetricsSink sink, ArtifactStore artifacts) implements AutoCloseable {
        @Override
        public void close() {
            if (sink instanceof DuckDbMetricsSink duckDb) {
                duckDb.close();
            }
        }
    }

    public Opened open(Path dir) {
        return switch (this) {
            case DUCKDB ->
                new Opened(
                        new DuckDbMetricsSink(dir.resolve("reporter.duckdb")),
                        new LocalFolderArtifactStore(dir.resolve("artifacts")));
            case CLOUD_STORAGE -> {
                GcsArtifactStore bucket = new GcsArtifactStore(
                        LocalStorageHelper.getOptions().getService(), "drivenotes-test-" + UUID.randomUUID());
                yield new Opened(new ArtifactMetricsState(bucket), bucket);
            }
        };
    }
}

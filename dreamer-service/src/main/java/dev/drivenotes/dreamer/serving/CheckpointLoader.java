package dev.drivenotes.dreamer.serving;

import ai.djl.ndarray.NDManager;
import com.google.cloud.storage.Storage;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.CheckpointMeta;
import dev.drivenotes.dreamer.policy.DreamerPolicy;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and opens the dreamer checkpoint: {@value #PROPERTY}, else {@value #AIP_STORAGE_URI} (set
 * by Vertex AI), else the bundled one. A local folder or {@code file:} URI is read in place; a
 * {@code gs://bucket/prefix} folder is first copied to a temporary folder ({@link
 * GcsCheckpointDownload}), deleted again once loaded (the parameters then live in NDArrays). The
 * Cloud Storage client is asked for only in that case, so a local or bundled checkpoint never needs
 * Google credentials, a project or the metadata server. Errors name the setting and its value, so a
 * failed start says which variable to fix.
 */
final class CheckpointLoader {

    static final String PROPERTY = "drivenotes.dreamer.checkpoint";
    static final String AIP_STORAGE_URI = "AIP_STORAGE_URI";

    private static final Logger log = LoggerFactory.getLogger(CheckpointLoader.class);

    /**
     * A configured checkpoint location and the setting it came from.
     *
     * @param setting {@value #PROPERTY} or {@value #AIP_STORAGE_URI}
     * @param location its value
     */
    record Source(String setting, String location) {
        @Override
        public String toString() {
            return setting + "=" + location;
        }
    }

    private final Supplier<Storage> storage;

    /** @param storage the Cloud Storage client, called for only when a location is {@code gs://} */
    CheckpointLoader(Supplier<Storage> storage) {
        this.storage = storage;
    }

    /** The configured location, {@code configured} first; {@code null} = the bundled checkpoint. */
    static Source locate(String configured, String aipStorageUri) {
        if (configured != null && !configured.isBlank()) {
            return new Source(PROPERTY, configured.strip());
        }
        if (aipStorageUri != null && !aipStorageUri.isBlank()) {
            return new Source(AIP_STORAGE_URI, aipStorageUri.strip());
        }
        return null;
    }

    /**
     * The loaded checkpoint's identity, as predict responses name it: {@code
     * dreamer:<envSteps>:<first 12 hex digits of the sha256 of params.ndlist>}, then {@code
     * :t<narrationTemperature>} when one was fitted. Two checkpoints with equal parameters and
     * temperature serve alike, so they share a version; retraining or recalibrating changes it.
     */
    static String modelVersion(Checkpoint checkpoint) {
        CheckpointMeta meta = checkpoint.meta();
        String version = DreamerPolicy.NAME + ":" + meta.envSteps() + ":"
                + checkpoint.paramsSha256().substring(0, 12);
        return meta.narrationTemperature() == null ? version : version + ":t" + meta.narrationTemperature();
    }

    /** Opens the checkpoint at {@code source} ({@code null} = the bundled one) on {@code manager}. */
    Checkpoint load(NDManager manager, Source source) {
        if (source == null) {
            return Checkpoint.open(manager, null);
        }
        if (!GcsFolder.isGcs(source.location())) {
            return open(manager, source, source.location());
        }
        GcsFolder folder = GcsFolder.parse(source.setting(), source.location());
        Path dir = new GcsCheckpointDownload(storage.get()).download(source.setting(), folder);
        Checkpoint checkpoint;
        try {
            checkpoint = open(manager, source, dir.toString());
        } catch (RuntimeException e) {
            try {
                GcsCheckpointDownload.delete(dir);
            } catch (UncheckedIOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        try {
            GcsCheckpointDownload.delete(dir);
        } catch (UncheckedIOException e) {
            // the checkpoint is loaded; a leftover temporary copy must not stop the service
            log.warn("{}", e.getMessage(), e);
        }
        return checkpoint;
    }

    private static Checkpoint open(NDManager manager, Source source, String dir) {
        try {
            return Checkpoint.open(manager, dir);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(
                    source + ": " + e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
    }
}

package dev.drivenotes.dreamer.serving;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import dev.drivenotes.dreamer.model.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Copies a checkpoint ({@value Checkpoint#META}, {@value Checkpoint#PARAMS}) from a Cloud Storage
 * folder into a fresh local temporary folder, which {@link Checkpoint#open} then reads like any
 * other. This is how a model deployed on Vertex AI gets its parameters: Vertex sets {@code
 * AIP_STORAGE_URI} to a {@code gs://} folder holding the artifacts, and guarantees the container's
 * service account nothing beyond reading them. So the two objects are fetched by name (permission
 * {@code storage.objects.get}); other objects in the folder are never read, and the folder is
 * listed only to explain a failure. Each object is read at the generation it was looked up with, so
 * a checkpoint replaced mid-download fails instead of mixing two versions.
 */
final class GcsCheckpointDownload {

    private static final List<String> FILES = List.of(Checkpoint.META, Checkpoint.PARAMS);
    private static final int LISTED = 10;

    private final Storage storage;

    GcsCheckpointDownload(Storage storage) {
        this.storage = storage;
    }

    /**
     * Downloads the checkpoint in {@code folder} into a new temporary folder, which the caller owns
     * (and should delete once the checkpoint is loaded).
     *
     * @param setting the setting {@code folder} came from, named in every error
     * @throws IllegalArgumentException when the bucket or either object does not exist
     * @throws IllegalStateException when Cloud Storage refuses or fails a read
     */
    Path download(String setting, GcsFolder folder) {
        String where = setting + "=" + folder + ": ";
        Blob meta = lookUp(where, folder, Checkpoint.META);
        Blob params = lookUp(where, folder, Checkpoint.PARAMS);
        if (meta == null && params == null) {
            throw new IllegalArgumentException(where + whyNoCheckpoint(folder));
        }
        if (meta == null || params == null) {
            String missing = meta == null ? Checkpoint.META : Checkpoint.PARAMS;
            throw new IllegalArgumentException(where + folder.uriOf(missing) + " does not exist (a checkpoint is "
                    + String.join(" + ", FILES) + ")");
        }
        Path dir = createTempFolder(where);
        try {
            copy(where, meta, dir.resolve(Checkpoint.META));
            copy(where, params, dir.resolve(Checkpoint.PARAMS));
            return dir;
        } catch (RuntimeException e) {
            delete(dir, e);
            throw e;
        }
    }

    /** Deletes a folder made by {@link #download}. */
    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the downloaded checkpoint " + dir, e);
        }
    }

    private Blob lookUp(String where, GcsFolder folder, String file) {
        try {
            return storage.get(BlobId.of(folder.bucket(), folder.objectName(file)));
        } catch (StorageException e) {
            throw new IllegalStateException(where + "cannot read " + folder.uriOf(file) + ": " + reason(e), e);
        }
    }

    private void copy(String where, Blob blob, Path target) {
        String uri = "gs://" + blob.getBucket() + "/" + blob.getName();
        try {
            // getBlobId() carries the generation looked up, so this reads exactly that version
            storage.downloadTo(blob.getBlobId(), target);
            long size = Files.size(target);
            if (blob.getSize() != null && size != blob.getSize()) {
                throw new IllegalStateException(
                        where + "downloaded " + size + " of the " + blob.getSize() + " bytes of " + uri);
            }
        } catch (StorageException e) {
            throw new IllegalStateException(where + "cannot download " + uri + ": " + reason(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(where + "cannot write " + target, e);
        }
    }

    private String whyNoCheckpoint(GcsFolder folder) {
        List<String> others;
        try {
            Iterable<Blob> page = storage.list(
                            folder.bucket(),
                            Storage.BlobListOption.prefix(folder.prefix()),
                            Storage.BlobListOption.currentDirectory(),
                            Storage.BlobListOption.pageSize(LISTED))
                    .getValues();
            others = StreamSupport.stream(page.spliterator(), false)
                    .limit(LISTED)
                    .map(b -> b.getName().substring(folder.prefix().length()))
                    .toList();
        } catch (StorageException e) {
            if (e.getCode() == 404) {
                return "bucket '" + folder.bucket() + "' does not exist";
            }
            // listing is not guaranteed (Vertex AI grants reading the artifacts only): say what we know
            return "no " + String.join(" or ", FILES) + " in the folder (listing it failed: " + reason(e) + ")";
        }
        return "no " + String.join(" or ", FILES) + " in the folder"
                + (others.isEmpty() ? ", which is empty" : "; it holds " + String.join(", ", others));
    }

    private static Path createTempFolder(String where) {
        try {
            return Files.createTempDirectory("drivenotes-checkpoint-");
        } catch (IOException e) {
            throw new UncheckedIOException(where + "cannot create a temporary folder", e);
        }
    }

    private static void delete(Path dir, RuntimeException failure) {
        try {
            delete(dir);
        } catch (UncheckedIOException e) {
            failure.addSuppressed(e);
        }
    }

    private static String reason(StorageException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return e.getCode() > 0 ? "HTTP " + e.getCode() + " " + line : line;
    }
}

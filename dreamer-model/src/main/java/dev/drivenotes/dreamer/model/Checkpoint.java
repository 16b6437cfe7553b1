package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDManager;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A checkpoint: {@code params.ndlist} (DJL-encoded named parameters) and {@code checkpoint.json}
 * ({@link CheckpointMeta}) in one folder, or on the classpath under {@link #BUNDLED}. A trainer's
 * checkpoint folder also holds training state for resume (the trainer's optimiser state and replay);
 * every file is replaced atomically and {@code checkpoint.json} is written last.
 *
 * @param paramsSha256 the SHA-256 of {@code params.ndlist} as read (64 lower-case hex digits): which
 *     parameters these are, computed from the bytes while they are loaded
 */
public record Checkpoint(CheckpointMeta meta, DreamerNets nets, String paramsSha256) {

    public static final String PARAMS = "params.ndlist";
    public static final String META = "checkpoint.json";
    /** Classpath folder of the bundled default checkpoint. */
    public static final String BUNDLED = "dreamer/checkpoint/";

    /** Reads {@code checkpoint.json} leniently: fields a newer trainer adds are ignored. */
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    /** Writes a checkpoint folder (created when absent): parameters first, then the JSON. */
    public static void save(Path dir, CheckpointMeta meta, Params params) {
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(PARAMS), params::save);
            byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta);
            writeAtomically(dir.resolve(META), out -> out.write(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint to " + dir, e);
        }
    }

    /** Replaces a checkpoint folder's {@code checkpoint.json} (atomically), its parameters untouched. */
    public static void saveMeta(Path dir, CheckpointMeta meta) {
        try {
            byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta);
            writeAtomically(dir.resolve(META), out -> out.write(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + META + " to " + dir, e);
        }
    }

    /** Writes the content of one file of a checkpoint. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file through a temporary sibling that is synced to disk and then moved over the target,
     * so a crash leaves either the old file or the new one, never a torn one.
     */
    public static void writeAtomically(Path file, Content content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileOutputStream fos = new FileOutputStream(tmp.toFile());
                OutputStream out = new java.io.BufferedOutputStream(fos)) {
            content.writeTo(out);
            out.flush();
            fos.getFD().sync();
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Opens a checkpoint: {@code null} or {@code classpath:} = the bundled one; otherwise a folder
     * path or {@code file:} URI. Other schemes are refused: the model reads local files only, and
     * serving copies a {@code gs://} checkpoint into a local folder before opening it.
     */
    public static Checkpoint open(NDManager manager, String location) {
        if (location == null || location.isBlank() || location.equals("classpath:")) {
            return fromClasspath(manager);
        }
        Path dir;
        if (location.startsWith("file:")) {
            dir = Path.of(URI.create(location));
        } else if (location.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("checkpoint location " + location + " is not a local folder");
        } else {
            dir = Path.of(location);
        }
        if (!Files.isRegularFile(dir.resolve(META)) || !Files.isRegularFile(dir.resolve(PARAMS))) {
            throw new IllegalArgumentException("no checkpoint (" + META + ", " + PARAMS + ") in " + dir);
        }
        try (InputStream meta = Files.newInputStream(dir.resolve(META));
                InputStream params = Files.newInputStream(dir.resolve(PARAMS))) {
            return read(manager, meta, params);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + dir, e);
        }
    }

    /** Whether a checkpoint is bundled on the classpath. */
    public static boolean bundled() {
        return Checkpoint.class.getClassLoader().getResource(BUNDLED + META) != null;
    }

    private static Checkpoint fromClasspath(NDManager manager) {
        ClassLoader loader = Checkpoint.class.getClassLoader();
        try (InputStream meta = loader.getResourceAsStream(BUNDLED + META);
                InputStream params = loader.getResourceAsStream(BUNDLED + PARAMS)) {
            if (meta == null || params == null) {
                throw new IllegalStateException("no bundled checkpoint on the classpath (" + BUNDLED + ")");
            }
            return read(manager, meta, params);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled checkpoint", e);
        }
    }

    private static Checkpoint read(NDManager manager, InputStream metaIn, InputStream paramsIn) throws IOException {
        CheckpointMeta meta;
        try {
            meta = JSON.readValue(metaIn, CheckpointMeta.class);
        } catch (JacksonException e) {
            throw new IOException(META + " is malformed: " + e.getOriginalMessage(), e);
        }
        if (meta.format() != CheckpointMeta.FORMAT || meta.config().obsDim() != ObservationVector.DIM) {
            throw new IOException("checkpoint format " + meta.format() + " / obs dim "
                    + meta.config().obsDim() + " does not match this build");
        }
        Params params;
        DigestInputStream digested = new DigestInputStream(paramsIn, sha256());
        try {
            params = Params.load(manager, DreamerNets.layout(meta.config()), digested);
        } catch (IllegalArgumentException e) {
            // DJL's NDList decoding reports undecodable bytes this way
            throw new IOException(PARAMS + " is malformed: " + e.getMessage(), e);
        }
        // the digest covers the whole file, also bytes the decoder left unread
        digested.transferTo(OutputStream.nullOutputStream());
        String sha256 = HexFormat.of().formatHex(digested.getMessageDigest().digest());
        return new Checkpoint(meta, new DreamerNets(meta.config(), params), sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

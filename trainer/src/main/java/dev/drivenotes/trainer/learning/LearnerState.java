package dev.drivenotes.trainer.learning;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A learner's training state beside a checkpoint's parameters, for resume: the Adam moments in
 * {@code optimizer.ndlist} (arrays named {@code m/<param>}, {@code v/<param>}) and {@code
 * optimizer.json} ({@link Meta}: step counts, return-normaliser EMAs). Serving never reads them, so
 * a checkpoint without them (the bundled one) still serves, and resumes with fresh moments.
 */
public final class LearnerState {

    public static final String MOMENTS = "optimizer.ndlist";
    public static final String META = "optimizer.json";
    static final int FORMAT = 1;

    /**
     * The JSON half of the state.
     *
     * @param format state format version
     * @param envSteps environment steps of the checkpoint it belongs to (a mismatch with {@code
     *     checkpoint.json} means the files come from different saves)
     * @param adamSteps Adam step count per group (model, actor, critic)
     * @param returnNormalizer the return normaliser's EMAs
     * @param skipped updates skipped for non-finite gradients so far
     */
    public record Meta(
            int format,
            long envSteps,
            Map<String, Long> adamSteps,
            ReturnNormalizer.State returnNormalizer,
            long skipped) {}

    private LearnerState() {}

    /** Writes the state into a checkpoint folder (each file atomically). */
    public static void save(Path dir, Learner learner, long envSteps) {
        try {
            Files.createDirectories(dir);
            Checkpoint.writeAtomically(dir.resolve(MOMENTS), learner.adam()::saveMoments);
            Meta meta = new Meta(
                    FORMAT,
                    envSteps,
                    learner.adam().stepCounts(),
                    learner.returnNormalizer().state(),
                    learner.skipped());
            byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(meta);
            Checkpoint.writeAtomically(dir.resolve(META), out -> out.write(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write optimizer state to " + dir, e);
        }
    }

    /**
     * Restores the state saved in a checkpoint folder at {@code envSteps} and answers a line for the
     * log. Without either file the learner keeps its fresh state (and the line says so).
     *
     * @throws IllegalArgumentException when only one file is present, either is unreadable, or they
     *     belong to another save or another network
     */
    public static String restore(Path dir, NDManager manager, Learner learner, long envSteps) {
        Path moments = dir.resolve(MOMENTS);
        Path json = dir.resolve(META);
        if (!Files.exists(moments) && !Files.exists(json)) {
            return "no optimizer state in " + dir + ": fresh Adam moments and return scale";
        }
        if (!Files.isRegularFile(moments) || !Files.isRegularFile(json)) {
            throw new IllegalArgumentException(
                    "checkpoint " + dir + " has only one of " + MOMENTS + " and " + META + "; cannot resume");
        }
        Meta meta;
        try {
            meta = Json.mapper().readValue(json.toFile(), Meta.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(json + " is not readable optimizer state: " + e.getMessage(), e);
        }
        if (meta.format() != FORMAT || meta.returnNormalizer() == null) {
            throw new IllegalArgumentException(json + ": format " + meta.format() + " is not " + FORMAT);
        }
        if (meta.envSteps() != envSteps) {
            throw new IllegalArgumentException(json + ": saved at env step " + meta.envSteps()
                    + " but checkpoint.json is at " + envSteps + " (an interrupted save?); cannot resume");
        }
        try (InputStream in = Files.newInputStream(moments)) {
            learner.adam().restore(manager, in, meta.adamSteps());
        } catch (IOException e) {
            throw new IllegalArgumentException(moments + ": " + e.getMessage(), e);
        }
        learner.returnNormalizer().restore(meta.returnNormalizer());
        learner.restoreSkipped(meta.skipped());
        return "restored optimizer state: Adam steps " + meta.adamSteps() + ", return scale "
                + String.format(
                        java.util.Locale.ROOT,
                        "%.3f",
                        learner.returnNormalizer().scale());
    }
}

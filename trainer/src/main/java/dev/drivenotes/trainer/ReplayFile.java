package dev.drivenotes.trainer;

import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.ObservationVector;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The replay in a checkpoint folder, {@code replay.bin.gz}: gzip (fastest level) of big-endian
 * {@code int magic "DNRP", int version, long envSteps, int obsDim, int rasterBytes, int streams}, then
 * per stream {@code int count} and per step {@code float[obsDim] obs, int prevAction, int action, int
 * label, byte first, float reward, float cont, byte[rasterBytes] raster, int maneuver}, oldest first
 * (version 1 files, written before the narration head, have no {@code maneuver}: it reads as −1). The env step count ties it to the {@code
 * checkpoint.json} it was saved with.
 */
final class ReplayFile {

    static final String NAME = "replay.bin.gz";
    private static final int MAGIC = 0x444E5250;
    private static final int VERSION = 2;
    private static final int VERSION_WITHOUT_MANEUVER = 1;

    private ReplayFile() {}

    /** Writes the replay (atomically) into a checkpoint folder. */
    static void save(Path dir, Replay replay, long envSteps) {
        try {
            Files.createDirectories(dir);
            Checkpoint.writeAtomically(dir.resolve(NAME), out -> write(out, replay, envSteps));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay to " + dir, e);
        }
    }

    private static void write(OutputStream target, Replay replay, long envSteps) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(envSteps);
        out.writeInt(ObservationVector.DIM);
        out.writeInt(replay.rasterBytes());
        out.writeInt(replay.streamCount());
        for (int s = 0; s < replay.streamCount(); s++) {
            Replay.Stream stream = replay.stream(s);
            out.writeInt(stream.size());
            for (int i = 0; i < stream.size(); i++) {
                Replay.Step step = stream.get(i);
                for (float v : step.obs) {
                    out.writeFloat(v);
                }
                out.writeInt(step.prevAction);
                out.writeInt(step.action);
                out.writeInt(step.label);
                out.writeByte(step.first ? 1 : 0);
                out.writeFloat(step.reward);
                out.writeFloat(step.cont);
                if (step.raster != null) {
                    out.write(step.raster);
                }
                out.writeInt(step.maneuver);
            }
        }
        out.flush();
        gzip.finish();
    }

    /**
     * Reads the replay saved at {@code envSteps} into a new one of the given shape (a smaller capacity
     * keeps each stream's newest steps); {@code null} when the folder has none.
     *
     * @throws IllegalArgumentException when the file is corrupt, truncated, from another save or has
     *     another number of streams than {@code --envs}
     */
    static Replay load(Path dir, long envSteps, int streams, long capacity, long seed, int rasterBytes) {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            return null;
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in =
                        new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16))) {
            int version = in.readInt() == MAGIC ? in.readInt() : -1;
            if (version != VERSION && version != VERSION_WITHOUT_MANEUVER) {
                throw new IllegalArgumentException(
                        file + " is not a version " + VERSION_WITHOUT_MANEUVER + " or " + VERSION + " replay file");
            }
            long saved = in.readLong();
            int dim = in.readInt();
            int raster = in.readInt();
            int count = in.readInt();
            if (saved != envSteps) {
                throw new IllegalArgumentException(file + ": saved at env step " + saved + " but checkpoint.json is at "
                        + envSteps + " (an interrupted save?); cannot resume");
            }
            if (dim != ObservationVector.DIM) {
                throw new IllegalArgumentException(
                        file + ": observation length " + dim + " is not this build's " + ObservationVector.DIM);
            }
            if (raster != rasterBytes) {
                throw new IllegalArgumentException(
                        file + ": raster of " + raster + " bytes per step, the model needs " + rasterBytes);
            }
            if (count != streams) {
                throw new IllegalArgumentException(
                        "--envs: the checkpoint's replay has " + count + " streams, not " + streams);
            }
            Replay replay = new Replay(streams, capacity, seed, rasterBytes);
            for (int s = 0; s < streams; s++) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    replay.add(s, readStep(in, dim, rasterBytes, version == VERSION));
                }
            }
            if (in.read() != -1) { // also makes gzip check its CRC trailer
                throw new IllegalArgumentException(file + " has trailing data");
            }
            return replay;
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " is truncated", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static Replay.Step readStep(DataInputStream in, int dim, int rasterBytes, boolean hasManeuver)
            throws IOException {
        float[] obs = new float[dim];
        for (int k = 0; k < dim; k++) {
            obs[k] = in.readFloat();
        }
        int prevAction = in.readInt();
        int action = in.readInt();
        int label = in.readInt();
        boolean first = in.readByte() == 1;
        float reward = in.readFloat();
        float cont = in.readFloat();
        byte[] raster = null;
        if (rasterBytes > 0) {
            raster = new byte[rasterBytes];
            in.readFully(raster);
        }
        Replay.Step step = new Replay.Step(obs, raster, prevAction, first, reward, cont);
        step.action = action;
        step.label = label;
        step.maneuver = hasManeuver ? in.readInt() : -1;
        return step;
    }
}

package dev.drivenotes.trainer;

import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.dreamer.model.SequenceBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Experience of several environment streams (each a run of episodes, {@code first} marking
 * starts), sampled as fixed-length sequences that may cross episode boundaries (the RSSM resets
 * there). Unbounded: training runs here are short. With a bird's-eye raster each step also keeps
 * its raster bytes (12 KB at 64×64×3, so 100 000 steps hold 1.2 GB).
 */
final class Replay {

    private static final class Stream {
        final List<float[]> obs = new ArrayList<>();
        final List<int[]> ints = new ArrayList<>(); // prevAction, action, first, label
        final List<float[]> floats = new ArrayList<>(); // reward, cont
        final List<byte[]> rasters = new ArrayList<>(); // empty without rasters
    }

    private final List<Stream> streams = new ArrayList<>();
    private final SplittableRandom random;
    private final int rasterBytes;
    private long size;

    Replay(int streamCount, long seed) {
        this(streamCount, seed, 0);
    }

    /** A replay whose steps each carry a raster of {@code rasterBytes} bytes (0: none). */
    Replay(int streamCount, long seed, int rasterBytes) {
        for (int i = 0; i < streamCount; i++) {
            streams.add(new Stream());
        }
        this.random = new SplittableRandom(seed);
        this.rasterBytes = rasterBytes;
    }

    /** Appends one observation of a stream (its action is set by {@link #setAction}). */
    void add(int stream, float[] obs, int prevAction, float reward, boolean terminal, boolean first) {
        add(stream, obs, null, prevAction, reward, terminal, first);
    }

    /** {@link #add} with the observation's raster ({@code rasterBytes} bytes; null without rasters). */
    void add(int stream, float[] obs, byte[] raster, int prevAction, float reward, boolean terminal, boolean first) {
        if (rasterBytes > 0 ? raster == null || raster.length != rasterBytes : raster != null) {
            throw new IllegalArgumentException("raster: expected " + rasterBytes + " bytes");
        }
        Stream s = streams.get(stream);
        if (raster != null) {
            s.rasters.add(raster);
        }
        s.obs.add(obs);
        s.ints.add(new int[] {prevAction, -1, first ? 1 : 0, -1});
        s.floats.add(new float[] {reward, terminal ? 0f : 1f});
        size++;
    }

    /**
     * The action taken after the stream's latest observation and the demonstrator's label for it
     * (−1 none).
     */
    void setAction(int stream, int action, int label) {
        Stream s = streams.get(stream);
        int[] last = s.ints.getLast();
        last[1] = action;
        last[3] = label;
    }

    long size() {
        return size;
    }

    boolean canSample(int length) {
        return streams.stream().anyMatch(s -> s.obs.size() > length);
    }

    SequenceBatch sample(int batch, int length) {
        int n = batch * length;
        int dim = ObservationVector.DIM;
        float[] obs = new float[n * dim];
        int[] prev = new int[n];
        int[] act = new int[n];
        float[] rew = new float[n];
        float[] cont = new float[n];
        boolean[] first = new boolean[n];
        int[] labels = new int[n];
        byte[] rasters = rasterBytes > 0 ? new byte[n * rasterBytes] : null;
        List<Stream> ready = streams.stream().filter(s -> s.obs.size() > length).toList();
        for (int b = 0; b < batch; b++) {
            Stream s = ready.get(random.nextInt(ready.size()));
            int start = random.nextInt(s.obs.size() - length); // the last observation has no action yet
            for (int t = 0; t < length; t++) {
                int i = t * batch + b;
                System.arraycopy(s.obs.get(start + t), 0, obs, i * dim, dim);
                int[] ints = s.ints.get(start + t);
                prev[i] = ints[0];
                act[i] = ints[1];
                first[i] = ints[2] == 1;
                labels[i] = ints[1] >= 0 ? ints[3] : -1;
                rew[i] = s.floats.get(start + t)[0];
                cont[i] = s.floats.get(start + t)[1];
                if (rasters != null) {
                    System.arraycopy(s.rasters.get(start + t), 0, rasters, i * rasterBytes, rasterBytes);
                }
            }
        }
        return new SequenceBatch(batch, length, obs, prev, act, rew, cont, first, labels, rasters);
    }
}

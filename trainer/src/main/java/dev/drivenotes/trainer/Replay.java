package dev.drivenotes.trainer;

import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.trainer.learning.SequenceBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Experience of several environment streams (each a run of episodes, {@code first} marking
 * starts), sampled uniformly as fixed-length sequences that may cross episode boundaries (the RSSM
 * resets there). Bounded: each stream keeps its newest {@code capacity / streams} steps (FIFO), like
 * DreamerV3's uniform replay of fixed size. One {@link Step} record per step, so a new per-step field
 * is one field there and one in {@link ReplayFile}. With a bird's-eye raster each step also keeps its
 * raster bytes (12 KB at 64×64×3, so 100 000 steps hold 1.2 GB: size the capacity accordingly).
 */
final class Replay {

    /** One observation and what followed it; {@code action} and {@code label} are set a moment later. */
    static final class Step {
        final float[] obs;
        /** The bird's-eye raster, null for a vector-only model. */
        final byte[] raster;

        final int prevAction;
        final boolean first;
        final float reward;
        final float cont;
        int action = -1;
        int label = -1;
        /** The narration head's target: {@code Narration.CLASSES} index of the junction traversal's true maneuver, −1 none. */
        int maneuver = -1;

        Step(float[] obs, byte[] raster, int prevAction, boolean first, float reward, float cont) {
            this.obs = obs;
            this.raster = raster;
            this.prevAction = prevAction;
            this.first = first;
            this.reward = reward;
            this.cont = cont;
        }
    }

    /** A ring of the newest steps of one stream. */
    static final class Stream {
        private Step[] ring;
        private int head;
        private int size;
        private final int capacity;

        Stream(int capacity) {
            this.capacity = capacity;
            this.ring = new Step[Math.min(64, capacity)]; // grows to exactly capacity
        }

        void add(Step step) {
            if (size == ring.length && size < capacity) {
                Step[] grown = new Step[Math.min(capacity, ring.length * 2)];
                for (int i = 0; i < size; i++) {
                    grown[i] = get(i);
                }
                ring = grown;
                head = 0;
            }
            if (size == capacity) {
                ring[head] = step;
                head = (head + 1) % ring.length;
            } else {
                ring[(head + size) % ring.length] = step;
                size++;
            }
        }

        /** The i-th oldest step kept. */
        Step get(int i) {
            return ring[(head + i) % ring.length];
        }

        int size() {
            return size;
        }
    }

    private final List<Stream> streams = new ArrayList<>();
    private final long capacity;
    private final SplittableRandom random;
    private final int rasterBytes;

    /** Empty streams sharing {@code capacity} steps without rasters; {@code seed} drives sampling. */
    Replay(int streamCount, long capacity, long seed) {
        this(streamCount, capacity, seed, 0);
    }

    /** Empty streams whose steps each carry a raster of {@code rasterBytes} bytes (0: none). */
    Replay(int streamCount, long capacity, long seed, int rasterBytes) {
        if (streamCount < 1 || capacity < streamCount) {
            throw new IllegalArgumentException("replayCapacity: must be at least one step per stream, was " + capacity);
        }
        this.capacity = capacity;
        for (int i = 0; i < streamCount; i++) {
            streams.add(new Stream(Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, capacity / streamCount))));
        }
        this.random = new SplittableRandom(seed);
        this.rasterBytes = rasterBytes;
    }

    /** Appends one observation of a stream (its action is set by {@link #setAction}). */
    void add(int stream, float[] obs, int prevAction, float reward, boolean terminal, boolean first) {
        add(stream, obs, null, prevAction, reward, terminal, first);
    }

    /**
     * {@link #add} with the observation's raster ({@code rasterBytes} bytes; null without rasters);
     * answers the step kept, whose maneuver label is set once its junction traversal is over.
     */
    Step add(int stream, float[] obs, byte[] raster, int prevAction, float reward, boolean terminal, boolean first) {
        Step step = new Step(obs, raster, prevAction, first, reward, terminal ? 0f : 1f);
        add(stream, step);
        return step;
    }

    void add(int stream, Step step) {
        if (rasterBytes > 0 ? step.raster == null || step.raster.length != rasterBytes : step.raster != null) {
            throw new IllegalArgumentException("raster: expected " + rasterBytes + " bytes");
        }
        streams.get(stream).add(step);
    }

    /** Bytes of each step's raster, 0 without rasters. */
    int rasterBytes() {
        return rasterBytes;
    }

    /**
     * The action taken after the stream's latest observation and the demonstrator's label for it
     * (−1 none).
     */
    void setAction(int stream, int action, int label) {
        Stream s = streams.get(stream);
        Step last = s.get(s.size() - 1);
        last.action = action;
        last.label = label;
    }

    int streamCount() {
        return streams.size();
    }

    Stream stream(int i) {
        return streams.get(i);
    }

    long capacity() {
        return capacity;
    }

    /** Steps kept over all streams. */
    long size() {
        return streams.stream().mapToLong(Stream::size).sum();
    }

    boolean canSample(int length) {
        return streams.stream().anyMatch(s -> s.size() > length);
    }

    SequenceBatch sample(int batch, int length) {
        int dim = ObservationVector.DIM;
        SequenceBatch out = SequenceBatch.zeros(batch, length, rasterBytes);
        List<Stream> ready = streams.stream().filter(s -> s.size() > length).toList();
        for (int b = 0; b < batch; b++) {
            Stream s = ready.get(random.nextInt(ready.size()));
            int start = random.nextInt(s.size() - length); // the last observation has no action yet
            for (int t = 0; t < length; t++) {
                int i = t * batch + b;
                Step step = s.get(start + t);
                System.arraycopy(step.obs, 0, out.obs(), i * dim, dim);
                out.prevActions()[i] = step.prevAction;
                out.actions()[i] = step.action;
                out.firsts()[i] = step.first;
                out.labels()[i] = step.action >= 0 ? step.label : -1;
                out.maneuvers()[i] = step.maneuver;
                out.rewards()[i] = step.reward;
                out.conts()[i] = step.cont;
                if (rasterBytes > 0) {
                    System.arraycopy(step.raster, 0, out.rasters(), i * rasterBytes, rasterBytes);
                }
            }
        }
        return out;
    }
}

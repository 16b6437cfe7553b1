package dev.drivenotes.trainer;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Carry;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.model.ObservationVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Latency of one batched dreamer decision (observation vectors, and random bird's-eye rasters for a
 * raster checkpoint, in; actions and carries out, carries fed back as in serving), per batch size:
 * warm-up, then {@code iterations} timed calls. It calls {@link DreamerAgent#act} on a loaded
 * checkpoint, exactly as serving does, so it measures the implementation served (the fused Java
 * forward; see {@link DreamerAgent}) and names it; or, for comparison, the DJL implementation
 * ({@link DreamerAgent#onDjl}).
 */
public final class InferenceBench {

    /**
     * Timing of one batch size.
     *
     * @param batch observations per call
     * @param engine the implementation that answered the timed calls: {@code java} (fused) or {@code djl}
     * @param calls timed calls (warm-up not included)
     * @param p50Ms median latency of a call
     * @param p99Ms 99th-percentile latency of a call
     * @param obsPerSecond observations decided per second over all timed calls
     */
    public record BatchTiming(int batch, String engine, int calls, double p50Ms, double p99Ms, double obsPerSecond) {
        public BatchTiming {
            if (batch < 1 || calls < 1 || !(engine.equals("java") || engine.equals("djl"))) {
                throw new IllegalArgumentException("batch " + batch + ", " + calls + " calls on " + engine);
            }
            if (!(0 < p50Ms && p50Ms <= p99Ms && p99Ms < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(
                        "p50Ms, p99Ms: need 0 < p50 <= p99, finite; was " + p50Ms + ", " + p99Ms);
            }
            if (!(0 < obsPerSecond && obsPerSecond < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("obsPerSecond: must be positive and finite, was " + obsPerSecond);
            }
        }

        /** The timing of {@code nanos.length} calls of {@code batch} observations, from each call's duration. */
        static BatchTiming of(int batch, String engine, long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            long totalNanos = 0;
            for (long t : sorted) {
                totalNanos += t;
            }
            return new BatchTiming(
                    batch,
                    engine,
                    n,
                    sorted[(int) Math.floor(0.5 * (n - 1))] / 1e6,
                    sorted[(int) Math.ceil(0.99 * (n - 1))] / 1e6,
                    batch * (double) n / (totalNanos / 1e9));
        }
    }

    /** Warm-up lasts at least this long, so that the JIT has compiled the hot loops. */
    private static final long WARMUP_NANOS = 1_000_000_000L;

    private InferenceBench() {}

    /** Times the implementation serving uses. */
    public static List<BatchTiming> run(String checkpoint, int[] batches, int iterations) {
        return run(checkpoint, batches, iterations, false);
    }

    /** Times the implementation serving uses, or with {@code djl} the DJL one. */
    public static List<BatchTiming> run(String checkpoint, int[] batches, int iterations, boolean djl) {
        if (iterations < 10) {
            throw new IllegalArgumentException("--iterations: at least 10");
        }
        try (NDManager manager = Djl.newManager()) {
            Checkpoint c = Checkpoint.open(manager, checkpoint);
            DreamerAgent agent =
                    djl ? DreamerAgent.onDjl(c.nets(), manager, 1) : new DreamerAgent(c.nets(), manager, 1);
            List<BatchTiming> out = new ArrayList<>();
            for (int batch : batches) {
                if (batch < 1 || batch > 4096) {
                    throw new IllegalArgumentException("--batch: sizes must be 1..4096, was " + batch);
                }
                out.add(time(agent, batch, iterations));
            }
            return out;
        }
    }

    private static BatchTiming time(DreamerAgent agent, int batch, int iterations) {
        SplittableRandom random = new SplittableRandom(batch);
        List<float[]> obs = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            float[] o = new float[ObservationVector.DIM];
            for (int k = 0; k < o.length; k++) {
                o[k] = (float) random.nextDouble(-5, 5);
            }
            obs.add(o);
        }
        List<byte[]> rasters = new ArrayList<>();
        int rasterBytes = agent.config().rasterBytes();
        for (int i = 0; i < batch && agent.config().usesRaster(); i++) {
            byte[] r = new byte[rasterBytes];
            for (int k = 0; k < r.length; k++) {
                r[k] = random.nextInt(4) == 0 ? (byte) 255 : 0;
            }
            rasters.add(r);
        }
        List<Carry> carries = new ArrayList<>(Arrays.asList(new Carry[batch]));
        long warmupEnd = System.nanoTime() + WARMUP_NANOS;
        for (int i = 0; i < Math.max(20, iterations / 5) || System.nanoTime() < warmupEnd; i++) {
            feedBack(rasters.isEmpty() ? agent.act(obs, carries) : agent.act(obs, rasters, carries), carries);
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            List<DreamerAgent.Step> steps =
                    rasters.isEmpty() ? agent.act(obs, carries) : agent.act(obs, rasters, carries);
            nanos[i] = System.nanoTime() - t0;
            feedBack(steps, carries);
        }
        // asked after the timed calls: the implementation that answered them
        return BatchTiming.of(batch, agent.fused() ? "java" : "djl", nanos);
    }

    /** Each instance's next call continues from its new carry, as a serving client's would. */
    private static void feedBack(List<DreamerAgent.Step> steps, List<Carry> carries) {
        for (int k = 0; k < steps.size(); k++) {
            carries.set(k, steps.get(k).carry());
        }
    }
}

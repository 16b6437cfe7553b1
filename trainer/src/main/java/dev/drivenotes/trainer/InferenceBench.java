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
 * raster checkpoint, in; actions and carries out, carries fed back as in serving), per batch size: warm-up, then {@code iterations} timed calls.
 */
public final class InferenceBench {

    /** Timing of one batch size. */
    public record BatchTiming(int batch, double p50Ms, double p99Ms, double obsPerSecond) {}

    private InferenceBench() {}

    public static List<BatchTiming> run(String checkpoint, int[] batches, int iterations) {
        if (iterations < 10) {
            throw new IllegalArgumentException("--iterations: at least 10");
        }
        try (NDManager manager = Djl.newManager()) {
            Checkpoint c = Checkpoint.open(manager, checkpoint);
            DreamerAgent agent = new DreamerAgent(c.nets(), manager, 1);
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
        int warmup = Math.max(20, iterations / 5);
        double[] ms = new double[iterations];
        long total = 0;
        for (int i = -warmup; i < iterations; i++) {
            long t0 = System.nanoTime();
            List<DreamerAgent.Step> steps =
                    rasters.isEmpty() ? agent.act(obs, carries) : agent.act(obs, rasters, carries);
            long dt = System.nanoTime() - t0;
            for (int k = 0; k < batch; k++) {
                carries.set(k, steps.get(k).carry());
            }
            if (i >= 0) {
                ms[i] = dt / 1e6;
                total += dt;
            }
        }
        Arrays.sort(ms);
        return new BatchTiming(
                batch,
                ms[(int) Math.floor(0.5 * (iterations - 1))],
                ms[(int) Math.ceil(0.99 * (iterations - 1))],
                batch * (double) iterations / (total / 1e9));
    }
}

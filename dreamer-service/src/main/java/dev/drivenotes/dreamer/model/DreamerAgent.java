package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Batched inference of a trained agent: for each instance, one posterior RSSM step from its carry
 * (or a fresh state) and the observation, then the actor's most likely action. Deterministic
 * (latents and actions take their mode). Thread-safe: parameters are read-only and each call works
 * in its own NDManager; at most {@code concurrency} calls run at once (the predictor pool).
 */
public final class DreamerAgent {

    /** One instance's answer: chosen action, its probability under the actor, the next carry. */
    public record Step(int action, double probability, Carry carry) {}

    private final DreamerNets nets;
    private final NDManager manager;
    private final Semaphore pool;

    public DreamerAgent(DreamerNets nets, NDManager manager, int concurrency) {
        this.nets = nets;
        this.manager = manager;
        this.pool = new Semaphore(concurrency);
    }

    public DreamerConfig config() {
        return nets.config();
    }

    /**
     * Decides a batch (a model without raster input; a raster model answers
     * IllegalArgumentException here and takes {@link #act(List, List, List)}).
     *
     * @param observations {@link ObservationVector}s
     * @param carries the state of each instance, null for a fresh episode
     */
    public List<Step> act(List<float[]> observations, List<Carry> carries) {
        if (observations.size() != carries.size()) {
            throw new IllegalArgumentException("one carry (or null) per observation");
        }
        if (observations.isEmpty()) {
            return List.of();
        }
        pool.acquireUninterruptibly();
        try (NDManager m = manager.newSubManager()) {
            return run(m, observations, carries);
        } finally {
            pool.release();
        }
    }

    /**
     * Decides a batch for a model that also sees the bird's-eye raster ({@link
     * DreamerConfig#usesRaster()}); a vector-only model ignores {@code rasters}.
     *
     * @param observations {@link ObservationVector}s
     * @param rasters each observation's raster, {@link DreamerConfig#rasterBytes()} bytes ({@link
     *     ObservationRaster#of})
     * @param carries the state of each instance, null for a fresh episode
     */
    public List<Step> act(List<float[]> observations, List<byte[]> rasters, List<Carry> carries) {
        if (!nets.config().usesRaster()) {
            return act(observations, carries);
        }
        if (observations.size() != carries.size() || observations.size() != rasters.size()) {
            throw new IllegalArgumentException("one raster and one carry (or null) per observation");
        }
        if (observations.isEmpty()) {
            return List.of();
        }
        int bytes = nets.config().rasterBytes();
        byte[] all = new byte[observations.size() * bytes];
        for (int i = 0; i < rasters.size(); i++) {
            byte[] r = rasters.get(i);
            if (r == null || r.length != bytes) {
                throw new IllegalArgumentException("raster " + i + " must hold " + bytes + " bytes");
            }
            System.arraycopy(r, 0, all, i * bytes, bytes);
        }
        pool.acquireUninterruptibly();
        try (NDManager m = manager.newSubManager()) {
            return run(m, observations, nets.rasters(m, all, observations.size()), carries);
        } finally {
            pool.release();
        }
    }

    private List<Step> run(NDManager m, List<float[]> observations, List<Carry> carries) {
        return run(m, observations, null, carries);
    }

    private List<Step> run(NDManager m, List<float[]> observations, NDArray rasters, List<Carry> carries) {
        DreamerConfig c = nets.config();
        int b = observations.size();
        float[] obs = new float[b * c.obsDim()];
        float[] deter = new float[b * c.deter()];
        float[] stoch = new float[b * c.stochFlat()];
        float[] action = new float[b * c.actions()];
        for (int i = 0; i < b; i++) {
            System.arraycopy(observations.get(i), 0, obs, i * c.obsDim(), c.obsDim());
            Carry carry = carries.get(i);
            if (carry != null) {
                System.arraycopy(carry.deter(), 0, deter, i * c.deter(), c.deter());
                for (int s = 0; s < c.stoch(); s++) {
                    stoch[i * c.stochFlat() + s * c.classes() + (carry.stochIndex()[s] & 0xff)] = 1f;
                }
                if (carry.prevAction() >= 0) {
                    action[i * c.actions() + carry.prevAction()] = 1f;
                }
            }
        }
        RssmState prev =
                new RssmState(m.create(deter, new Shape(b, c.deter())), m.create(stoch, new Shape(b, c.stochFlat())));
        NDArray nextDeter = nets.deter(prev, m.create(action, new Shape(b, c.actions())));
        NDArray post = nets.posteriorLogits(nextDeter, nets.embed(m.create(obs, new Shape(b, c.obsDim())), rasters));
        long[] index = post.argMax(-1).toLongArray();
        RssmState next = new RssmState(nextDeter, nets.mode(post));
        float[] probs = nets.actorLogits(next.feat()).softmax(-1).toFloatArray();
        float[] deterOut = nextDeter.toFloatArray();
        List<Step> out = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            int best = 0;
            for (int a = 1; a < c.actions(); a++) {
                if (probs[i * c.actions() + a] > probs[i * c.actions() + best]) {
                    best = a;
                }
            }
            float[] d = new float[c.deter()];
            System.arraycopy(deterOut, i * c.deter(), d, 0, c.deter());
            byte[] idx = new byte[c.stoch()];
            for (int s = 0; s < c.stoch(); s++) {
                idx[s] = (byte) index[i * c.stoch() + s];
            }
            out.add(new Step(best, probs[i * c.actions() + best], new Carry(d, idx, best)));
        }
        return out;
    }
}

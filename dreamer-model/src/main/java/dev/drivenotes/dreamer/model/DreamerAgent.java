package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * Batched inference of a trained agent: for each instance, one posterior RSSM step from its carry
 * (or a fresh state) and the observation, then the actor's most likely action and, for a model with
 * one, the narration head's logits. Deterministic
 * (latents and actions take their mode). Thread-safe; at most {@code concurrency} calls run at once
 * (the predictor pool).
 *
 * <p>Two implementations of the same step. Frozen parameters (a loaded checkpoint: serving,
 * evaluation, benchmarks) run the plain-Java {@link FusedActor} over a copy taken at construction,
 * at every batch size: it beats DJL's per-op JNI calls about 25× at batch 1, is faster up to batch
 * 256 and level at 1 024 (docs/benchmarks.md), so no size threshold is worth its complexity.
 * Parameters that take gradients (the trainer's learner updates them in place while the agent acts)
 * would make that copy stale, so while any of them does, calls go through DJL, which reads the live
 * tensors. Models that see the bird's-eye raster always run on DJL
 * (the fused forward covers the vector encoder only).
 */
public final class DreamerAgent {

    /**
     * One instance's answer: chosen action, its probability under the actor, the next carry, and the
     * narration head's logits over {@link Narration#CLASSES} (null for a model without the head).
     */
    public record Step(int action, double probability, Carry carry, float[] narrationLogits) {

        /** An answer of a model without the narration head. */
        public Step(int action, double probability, Carry carry) {
            this(action, probability, carry, null);
        }

        /** Equal answers: the same action, probability and carry, and logits of equal values. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Step s
                    && action == s.action
                    && Double.compare(probability, s.probability) == 0
                    && carry.equals(s.carry)
                    && Arrays.equals(narrationLogits, s.narrationLogits);
        }

        @Override
        public int hashCode() {
            return Objects.hash(action, probability, carry) * 31 + Arrays.hashCode(narrationLogits);
        }

        @Override
        public String toString() {
            return "Step[action=" + action + ", probability=" + probability + ", carry=" + carry + ", narrationLogits="
                    + Arrays.toString(narrationLogits) + "]";
        }
    }

    /** Parameter-name prefixes the acting step reads. */
    private static final List<String> ACTING =
            List.of("enc.", "img_in.", "gru.", "obs_out.", "post.", "actor.", "narration.");

    private final DreamerNets nets;
    private final NDManager manager;
    private final Semaphore pool;
    private final List<NDArray> actingParams;
    private final FusedActor fused;

    public DreamerAgent(DreamerNets nets, NDManager manager, int concurrency) {
        this(nets, manager, concurrency, true);
    }

    private DreamerAgent(DreamerNets nets, NDManager manager, int concurrency, boolean mayFuse) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency: at least 1, was " + concurrency);
        }
        this.nets = nets;
        this.manager = manager;
        this.pool = new Semaphore(concurrency);
        this.actingParams = List.copyOf(nets.params().all().entrySet().stream()
                .filter(e -> ACTING.stream().anyMatch(e.getKey()::startsWith))
                .map(Map.Entry::getValue)
                .toList());
        this.fused = mayFuse && !trained() && !nets.config().usesRaster() ? new FusedActor(nets, concurrency) : null;
    }

    /**
     * An agent that always runs on DJL, whatever the parameters: the reference the fused forward is
     * tested and benchmarked against ({@code drivenotes bench inference --djl}).
     */
    public static DreamerAgent onDjl(DreamerNets nets, NDManager manager, int concurrency) {
        return new DreamerAgent(nets, manager, concurrency, false);
    }

    public DreamerConfig config() {
        return nets.config();
    }

    /**
     * Whether calls now run the fused Java forward: the parameters were frozen when this agent was
     * made and still are (and it is not {@link #onDjl}). Otherwise they run on DJL.
     */
    public boolean fused() {
        return fused != null && !trained();
    }

    /** Whether any acting parameter takes gradients (DJL caches the flag: no native call). */
    private boolean trained() {
        for (NDArray p : actingParams) {
            if (p.hasGradient()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decides a batch (a model without raster input; a raster model answers
     * IllegalArgumentException here and takes {@link #act(List, List, List)}).
     *
     * @param observations {@link ObservationVector}s
     * @param carries the state of each instance, null for a fresh episode
     */
    public List<Step> act(List<float[]> observations, List<Carry> carries) {
        if (nets.config().usesRaster()) {
            throw new IllegalArgumentException("preset " + nets.config().preset()
                    + " needs a bird's-eye raster: decide with act(observations, rasters, carries)");
        }
        validate(observations, carries);
        if (observations.isEmpty()) {
            return List.of();
        }
        pool.acquireUninterruptibly();
        try {
            return fused() ? fused.act(observations, carries) : djl(observations, carries);
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
        validate(observations, carries);
        if (observations.size() != rasters.size()) {
            throw new IllegalArgumentException(
                    "rasters: one per observation, got " + rasters.size() + " for " + observations.size());
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

    private List<Step> djl(List<float[]> observations, List<Carry> carries) {
        try (NDManager m = manager.newSubManager()) {
            return run(m, observations, carries);
        }
    }

    private void validate(List<float[]> observations, List<Carry> carries) {
        DreamerConfig c = nets.config();
        if (observations.size() != carries.size()) {
            throw new IllegalArgumentException(
                    "carries: one (or null) per observation, got " + carries.size() + " for " + observations.size());
        }
        for (int i = 0; i < observations.size(); i++) {
            if (observations.get(i).length != c.obsDim()) {
                throw new IllegalArgumentException("observations[" + i + "]: " + observations.get(i).length
                        + " values, the model expects " + c.obsDim());
            }
            Carry carry = carries.get(i);
            String mismatch = carry == null ? null : carry.mismatch(c);
            if (mismatch != null) {
                throw new IllegalArgumentException("carries[" + i + "]: " + mismatch);
            }
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
        NDArray feat = next.feat();
        float[] probs = nets.actorLogits(feat).softmax(-1).toFloatArray();
        int narrations = c.narrationClasses();
        float[] narration = c.narrates() ? nets.narrationLogits(feat).toFloatArray() : null;
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
            float[] logits =
                    narration == null ? null : Arrays.copyOfRange(narration, i * narrations, (i + 1) * narrations);
            out.add(new Step(best, probs[i * c.actions() + best], new Carry(d, idx, best), logits));
        }
        return out;
    }
}

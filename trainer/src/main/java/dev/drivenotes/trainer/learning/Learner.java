package dev.drivenotes.trainer.learning;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.DrivingActions;
import dev.drivenotes.dreamer.model.Layers;
import dev.drivenotes.dreamer.model.Params;
import dev.drivenotes.dreamer.model.RssmState;
import dev.drivenotes.dreamer.model.Symlog;
import dev.drivenotes.dreamer.model.TwoHot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One DreamerV3 update per call: world-model loss on a replay batch (symlog MSE decoder, for a
 * raster model also the image decoder's MSE summed over pixels, two-hot
 * reward, continue, KL balancing dyn 0.5 / rep 0.1 with 1 free nat), behaviour cloning of
 * the demonstrator's labels, the narration head's cross-entropy on the true maneuver labels (masked
 * where there is none), and actor-critic on imagined rollouts from the posterior states (λ-returns,
 * percentile return normalisation, entropy bonus, slow EMA critic regulariser). One backward pass
 * over the sum; {@link Adam} with one parameter group each for model, actor and critic. Its moments
 * and the return normaliser's EMAs are training state that {@link LearnerState} saves and restores.
 *
 * <p>Over 300 lines because the world-model unroll, its losses and the update that applies them are
 * one computation read top to bottom; the narration loss ({@link NarrationLoss}) and imagination
 * ({@link Imagination}) live apart.
 */
public final class Learner {

    private static final float FREE_NATS = 1f;
    private static final float DYN_SCALE = 0.5f;
    private static final float REP_SCALE = 0.1f;
    static final double MAX_BC_WEIGHT = 10;
    private static final String NARRATION = NarrationLoss.PREFIX;

    private final DreamerNets nets;
    private final NDManager manager;
    private final Hyper hyper;
    private final ReturnNormalizer normalizer = new ReturnNormalizer();
    private final Adam adam;
    private final Imagination imagination;
    private long skipped;

    public Learner(DreamerNets nets, NDManager manager, Hyper hyper) {
        this.nets = nets;
        this.manager = manager;
        this.hyper = hyper;
        this.adam = new Adam(nets.params(), manager, hyper.modelLr(), hyper.actorLr(), hyper.criticLr());
        this.imagination = new Imagination(nets);
        for (Map.Entry<String, NDArray> e : nets.params().all().entrySet()) {
            e.getValue().setRequiresGradient(trains(e.getKey()));
        }
        copySlowCritic(1f);
    }

    /** Whether a parameter takes gradients: never the slow critic; only the head when narration-only. */
    private boolean trains(String name) {
        return hyper.narrationOnly() ? name.startsWith(NARRATION) : !name.startsWith("slow.");
    }

    public Hyper hyper() {
        return hyper;
    }

    /** The optimiser (its moments and step counts are checkpointed for resume). */
    public Adam adam() {
        return adam;
    }

    /** The return normaliser (its EMAs are checkpointed for resume). */
    public ReturnNormalizer returnNormalizer() {
        return normalizer;
    }

    /** One update on a batch; answers its losses. */
    public TrainStats update(SequenceBatch b) {
        try (NDManager step = manager.newSubManager()) {
            RssmState start;
            NDArray[] model;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                model = worldModel(step, b);
                gc.backward(hyper.narrationOnly() ? model[10] : model[0].add(Layers.times(model[6], hyper.bcScale())));
                start = new RssmState(model[7].stopGradient(), model[8].stopGradient());
            }
            apply(hyper.narrationOnly() ? name -> name.startsWith(NARRATION) : name -> !name.startsWith("critic"));
            Imagination.Result ac = null;
            if (hyper.actorCritic() && !hyper.narrationOnly()) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    ac = imagination.losses(step, start, normalizer, hyper);
                    gc.backward(ac.actorLoss().add(ac.criticLoss()));
                }
                apply(name -> name.startsWith("actor") || name.startsWith("critic"));
                copySlowCritic(hyper.slowRate());
            }
            return new TrainStats(
                    model[0].getFloat(),
                    model[1].getFloat(),
                    model[2].getFloat(),
                    model[3].getFloat(),
                    model[4].getFloat(),
                    ac == null ? 0 : ac.actorLoss().getFloat(),
                    ac == null ? 0 : ac.criticLoss().getFloat(),
                    model[6].getFloat(),
                    ac == null ? 0 : ac.entropy(),
                    normalizer.scale(),
                    ac == null ? 0 : ac.meanReturn(),
                    model[9].getFloat(),
                    model[10].getFloat(),
                    NarrationLoss.accuracy(model[11], b.maneuvers()));
        }
    }

    /**
     * World-model unroll and losses: [total, dec, rew, con, dyn, rep, bc, deter, stoch, raster,
     * narration, narration logits (null without the head)].
     */
    private NDArray[] worldModel(NDManager step, SequenceBatch b) {
        DreamerConfig c = nets.config();
        int n = b.batch() * b.length();
        NDArray obs = step.create(b.obs(), new Shape(n, c.obsDim()));
        NDArray rasters = rasters(step, b);
        NDArray embed = nets.embed(obs, rasters);
        RssmState state = nets.initial(step, b.batch());
        List<NDArray> deters = new ArrayList<>();
        List<NDArray> stochs = new ArrayList<>();
        List<NDArray> posts = new ArrayList<>();
        List<NDArray> priors = new ArrayList<>();
        for (int t = 0; t < b.length(); t++) {
            int from = t * b.batch();
            NDArray keep = step.create(mask(b.firsts(), from, b.batch(), false), new Shape(b.batch(), 1));
            NDArray action = oneHot(step, b.prevActions(), from, b.batch(), c.actions());
            RssmState prev =
                    new RssmState(state.deter().mul(keep), state.stoch().mul(keep));
            NDArray deter = nets.deter(prev, action.mul(keep));
            NDArray post = nets.posteriorLogits(deter, embed.get(from + ":" + (from + b.batch())));
            NDArray stoch = nets.sample(post);
            deters.add(deter);
            stochs.add(stoch);
            posts.add(post);
            priors.add(nets.priorLogits(deter));
            state = new RssmState(deter, stoch);
        }
        RssmState all = new RssmState(NDArrays.concat(new NDList(deters), 0), NDArrays.concat(new NDList(stochs), 0));
        NDArray feat = all.feat();
        NDArray post = NDArrays.concat(new NDList(posts), 0);
        NDArray prior = NDArrays.concat(new NDList(priors), 0);
        NDArray dec = nets.decode(feat)
                .sub(Symlog.symlog(obs))
                .square()
                .sum(new int[] {-1})
                .mean();
        NDArray rewTarget = step.create(TwoHot.encode(b.rewards()), new Shape(n, TwoHot.BINS));
        NDArray rew = TwoHot.loss(nets.rewardLogits(feat), rewTarget).mean();
        NDArray conLogit = nets.continueLogit(feat);
        NDArray con = Activation.softPlus(conLogit)
                .sub(conLogit.mul(step.create(b.conts())))
                .mean();
        NDArray dyn = kl(post.stopGradient(), prior);
        NDArray rep = kl(post, prior.stopGradient());
        // DreamerV3's image loss: MSE summed over pixels (zero for a vector-only model)
        NDArray raster = rasters == null
                ? step.zeros(new Shape())
                : nets.decodeRaster(feat)
                        .sub(rasters)
                        .square()
                        .sum(new int[] {1, 2, 3})
                        .mean();
        NDArray[] narration = NarrationLoss.of(nets, hyper, step, b, feat);
        NDArray model = dec.add(raster)
                .add(Layers.times(narration[0], hyper.narrationScale()))
                .add(rew)
                .add(con)
                .add(Layers.times(Layers.atLeast(dyn, FREE_NATS).mean(), DYN_SCALE))
                .add(Layers.times(Layers.atLeast(rep, FREE_NATS).mean(), REP_SCALE));
        NDArray weights = step.create(bcWeights(b.labels()));
        // behaviour cloning shapes the representation too (docs/agent.md: a deviation from DreamerV3)
        NDArray logp = nets.actorLogits(hyper.bcIntoModel() ? feat : feat.stopGradient())
                .logSoftmax(-1);
        NDArray target = oneHot(step, b.labels(), 0, n, c.actions());
        NDArray bc = Layers.over(
                logp.mul(target).sum(new int[] {-1}).neg().mul(weights).sum(),
                Math.max(1f, weights.sum().getFloat()));
        return new NDArray[] {
            model,
            dec,
            rew,
            con,
            dyn.mean(),
            rep.mean(),
            bc,
            all.deter(),
            all.stoch(),
            raster,
            narration[0],
            narration[1]
        };
    }

    /** The batch's rasters as the encoder's input, null for a vector-only model. */
    private NDArray rasters(NDManager step, SequenceBatch b) {
        DreamerConfig c = nets.config();
        if (!c.usesRaster()) {
            return null;
        }
        int n = b.batch() * b.length();
        if (b.rasters() == null || b.rasters().length != n * c.rasterBytes()) {
            throw new IllegalArgumentException(
                    "preset " + c.preset() + " needs " + c.rasterBytes() + " raster bytes per step in the batch");
        }
        return nets.rasters(step, b.rasters(), n);
    }

    /**
     * Applies Adam to the parameters the predicate selects and zeroes their gradients. When their
     * gradients are not all finite nothing is updated (counted in {@link #skipped()}).
     */
    private void apply(Predicate<String> group) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : nets.params().all().entrySet()) {
            if (!e.getKey().startsWith("slow.") && group.test(e.getKey())) {
                grads.put(e.getKey(), e.getValue().getGradient());
            }
        }
        if (!adam.step(nets.params(), grads)) {
            skipped++;
        }
        for (NDArray grad : grads.values()) {
            grad.set(new NDIndex("..."), 0);
            grad.close();
        }
    }

    /** Updates skipped because a gradient was not finite. */
    public long skipped() {
        return skipped;
    }

    /** Restores the skipped-update counter of a resumed run. */
    void restoreSkipped(long count) {
        skipped = count;
    }

    /** slow ← (1 − rate)·slow + rate·critic. */
    private void copySlowCritic(float rate) {
        Params p = nets.params();
        for (Map.Entry<String, NDArray> e : p.withPrefix("slow.").entrySet()) {
            NDArray fast = p.get(e.getKey().substring("slow.".length()));
            NDArray slow = e.getValue();
            try (NDArray delta = fast.stopGradient().sub(slow).mul(rate)) {
                slow.addi(delta);
            }
        }
    }

    /** KL(p‖q) of categoricals {@code [N, S, C]}, summed over latents: {@code [N]}. */
    static NDArray kl(NDArray pLogits, NDArray qLogits) {
        NDArray lp = pLogits.logSoftmax(-1);
        NDArray lq = qLogits.logSoftmax(-1);
        return lp.exp().mul(lp.sub(lq)).sum(new int[] {-2, -1});
    }

    static NDArray oneHot(NDManager m, int[] actions, int from, int count, int classes) {
        float[] out = new float[count * classes];
        for (int i = 0; i < count; i++) {
            int a = actions[from + i];
            if (a >= 0) {
                out[i * classes + a] = 1f;
            }
        }
        return m.create(out, new Shape(count, classes));
    }

    /**
     * Behaviour-cloning weight of each step: 0 without a label, else inversely proportional to how
     * often the label's acceleration (brake, coast, throttle) occurs among the batch's labels — at
     * most {@link #MAX_BC_WEIGHT} times the weight of the most common one — scaled to a mean of 1.
     * Braking is rare in driving data but is what avoids collisions; unweighted, the actor learned to
     * coast into slower vehicles.
     */
    static float[] bcWeights(int[] labels) {
        int groups = DrivingActions.ACCELERATION_LEVELS;
        int[] counts = new int[groups];
        int total = 0;
        for (int label : labels) {
            if (label >= 0) {
                counts[DrivingActions.accelerationIndex(label)]++;
                total++;
            }
        }
        float[] out = new float[labels.length];
        if (total == 0) {
            return out;
        }
        int most = Arrays.stream(counts).max().orElse(1);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                int c = counts[DrivingActions.accelerationIndex(labels[i])];
                out[i] = (float) Math.min(MAX_BC_WEIGHT, (double) most / c);
                sum += out[i];
            }
        }
        float scale = (float) (total / sum);
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    private static float[] mask(boolean[] flags, int from, int count, boolean when) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = flags[from + i] == when ? 1f : 0f;
        }
        return out;
    }
}

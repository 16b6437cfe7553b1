package dev.drivenotes.trainer.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.Layers;
import dev.drivenotes.dreamer.model.RssmState;
import dev.drivenotes.dreamer.model.TwoHot;
import java.util.ArrayList;
import java.util.List;

/**
 * Actor-critic losses on imagined rollouts: the actor samples {@code horizon} actions from each
 * start state through the prior; rewards, continuation and values come from the heads; λ-returns
 * are computed on the host; the actor learns by REINFORCE on normalised advantages plus an entropy
 * bonus, the critic by two-hot regression to the returns plus a pull towards the slow critic.
 */
final class Imagination {

    record Result(NDArray actorLoss, NDArray criticLoss, double entropy, double meanReturn) {}

    /** Imagination starts from at most this many posterior states (every k-th of the batch). */
    static final int MAX_STARTS = 128;

    private final DreamerNets nets;

    Imagination(DreamerNets nets) {
        this.nets = nets;
    }

    Result losses(NDManager m, RssmState start, ReturnNormalizer normalizer, Hyper h) {
        int all0 = Math.toIntExact(start.deter().getShape().get(0));
        int stride = Math.max(1, all0 / MAX_STARTS);
        RssmState s = stride == 1
                ? start
                : new RssmState(start.deter().get("::" + stride), start.stoch().get("::" + stride));
        int n = Math.toIntExact(s.deter().getShape().get(0));
        int horizon = h.horizon();
        List<NDArray> feats = new ArrayList<>();
        List<NDArray> actions = new ArrayList<>();
        for (int t = 0; t < horizon; t++) {
            NDArray feat = s.feat().stopGradient();
            feats.add(feat);
            NDArray logits = nets.actorLogits(feat).stopGradient();
            NDArray u = m.randomUniform(1e-6f, 1f - 1e-6f, logits.getShape());
            NDArray a = logits.add(u.log().neg().log().neg()).argMax(-1);
            a = DreamerNets.oneHot(a, nets.config().actions());
            actions.add(a);
            NDArray deter = nets.deter(s, a);
            s = new RssmState(deter, nets.sample(nets.priorLogits(deter))).detach();
        }
        feats.add(s.feat().stopGradient());
        NDArray all = NDArrays.concat(new NDList(feats), 0);
        float[] reward = TwoHot.decode(nets.rewardLogits(all)).toFloatArray();
        float[] cont = Activation.sigmoid(nets.continueLogit(all)).toFloatArray();
        float[] value = TwoHot.decode(nets.criticLogits("critic", all)).toFloatArray();
        float[] slow = TwoHot.decode(nets.criticLogits("slow.critic", all)).toFloatArray();

        float[] ret = new float[horizon * n];
        float[] weight = new float[horizon * n];
        for (int i = 0; i < n; i++) {
            float next = value[horizon * n + i];
            for (int t = horizon - 1; t >= 0; t--) {
                int k1 = (t + 1) * n + i;
                float disc = h.discount() * cont[k1];
                next = reward[k1] + disc * ((1 - h.lambda()) * value[k1] + h.lambda() * next);
                ret[t * n + i] = next;
            }
            float w = 1f;
            for (int t = 0; t < horizon; t++) {
                weight[t * n + i] = w;
                w *= h.discount() * cont[(t + 1) * n + i];
            }
        }
        double scale = normalizer.update(ret);
        float[] adv = new float[horizon * n];
        double sum = 0;
        for (int k = 0; k < adv.length; k++) {
            adv[k] = (float) ((ret[k] - value[k]) / scale);
            sum += ret[k];
        }
        int rows = horizon * n;
        NDArray head = all.get("0:" + rows);
        NDArray w = m.create(weight);
        NDArray logp = nets.actorLogits(head).logSoftmax(-1);
        NDArray taken = NDArrays.concat(new NDList(actions), 0);
        NDArray ent = logp.exp().mul(logp).sum(new int[] {-1}).neg();
        NDArray actor = Layers.times(
                logp.mul(taken)
                        .sum(new int[] {-1})
                        .mul(m.create(adv))
                        .add(Layers.times(ent, h.entropy()))
                        .mul(w)
                        .mean()
                        .neg(),
                h.actorRlScale());
        NDArray criticLogits = nets.criticLogits("critic", head);
        NDArray target = m.create(TwoHot.encode(ret), new Shape(rows, TwoHot.BINS));
        NDArray slowTarget = m.create(TwoHot.encode(java.util.Arrays.copyOf(slow, rows)), new Shape(rows, TwoHot.BINS));
        NDArray critic = TwoHot.loss(criticLogits, target)
                .add(TwoHot.loss(criticLogits, slowTarget))
                .mul(w)
                .mean();
        return new Result(actor, critic, ent.mean().getFloat(), sum / rows);
    }
}

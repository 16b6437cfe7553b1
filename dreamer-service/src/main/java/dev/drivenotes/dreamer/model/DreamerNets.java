package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The DreamerV3 networks over one parameter set: symlog MLP encoder, RSSM (LayerNorm GRU, prior
 * and posterior heads with 1 % unimix categoricals), decoder, reward / continue heads, actor and
 * critic (plus its slow copy).
 */
public final class DreamerNets {

    public static final float UNIMIX = 0.01f;
    static final int ENCODER_LAYERS = 2;
    static final int HEAD_LAYERS = 2;

    private final DreamerConfig c;
    private final Params p;

    public DreamerNets(DreamerConfig config, Params params) {
        this.c = config;
        this.p = params;
    }

    /** The parameter layout of a configuration. */
    public static Layout layout(DreamerConfig c) {
        int h = c.hidden();
        Layout l = new Layout()
                .mlp("enc", c.obsDim(), h, ENCODER_LAYERS)
                .mlp("img_in", c.stochFlat() + c.actions(), h, 1)
                .linear("gru", h + c.deter(), 3 * c.deter(), false)
                .norm("gru.n", 3 * c.deter())
                .mlp("img_out", c.deter(), h, 1)
                .linear("prior", h, c.stochFlat(), false)
                .mlp("obs_out", c.deter() + h, h, 1)
                .linear("post", h, c.stochFlat(), false)
                .mlp("dec", c.feat(), h, HEAD_LAYERS)
                .linear("dec.out", h, c.obsDim(), false)
                .mlp("rew", c.feat(), h, 1)
                .linear("rew.out", h, TwoHot.BINS, true)
                .mlp("con", c.feat(), h, 1)
                .linear("con.out", h, 1, false)
                .mlp("actor", c.feat(), h, HEAD_LAYERS)
                .linear("actor.out", h, c.actions(), false);
        for (String critic : new String[] {"critic", "slow.critic"}) {
            l.mlp(critic, c.feat(), h, HEAD_LAYERS).linear(critic + ".out", h, TwoHot.BINS, true);
        }
        return l;
    }

    public DreamerConfig config() {
        return c;
    }

    public Params params() {
        return p;
    }

    /** All-zero states for a batch (start of an episode). */
    public RssmState initial(NDManager manager, int batch) {
        return new RssmState(
                manager.zeros(new Shape(batch, c.deter())), manager.zeros(new Shape(batch, c.stochFlat())));
    }

    /** Encoder embedding of raw observation vectors {@code [B, O]}. */
    public NDArray embed(NDArray obs) {
        return Layers.mlp(p, "enc", Symlog.symlog(obs), ENCODER_LAYERS);
    }

    /** The GRU step: next deterministic state from the previous state and one-hot action. */
    public NDArray deter(RssmState prev, NDArray action) {
        NDArray x = Layers.mlp(p, "img_in", NDArrays.concat(new NDList(prev.stoch(), action), -1), 1);
        NDArray gates =
                Layers.norm(p, "gru.n", Layers.linear(p, "gru", NDArrays.concat(new NDList(x, prev.deter()), -1)));
        NDList parts = gates.split(3, 1);
        NDArray reset = Activation.sigmoid(parts.get(0));
        NDArray cand = Activation.tanh(reset.mul(parts.get(1)));
        NDArray update = Activation.sigmoid(parts.get(2).sub(1f));
        return update.mul(cand).add(update.neg().add(1f).mul(prev.deter()));
    }

    /** Prior logits {@code [B, S, C]} (unimixed) from a deterministic state. */
    public NDArray priorLogits(NDArray deter) {
        return categorical(Layers.linear(p, "prior", Layers.mlp(p, "img_out", deter, 1)));
    }

    /** Posterior logits {@code [B, S, C]} (unimixed) from a deterministic state and an embedding. */
    public NDArray posteriorLogits(NDArray deter, NDArray embed) {
        NDArray h = Layers.mlp(p, "obs_out", NDArrays.concat(new NDList(deter, embed), -1), 1);
        return categorical(Layers.linear(p, "post", h));
    }

    /** Straight-through one-hot sample, flattened {@code [B, S·C]}, drawn with Gumbel noise. */
    public NDArray sample(NDArray logits) {
        NDArray u = logits.getManager().randomUniform(1e-6f, 1f - 1e-6f, logits.getShape());
        NDArray gumbel = u.log().neg().log().neg();
        NDArray index = logits.stopGradient().add(gumbel).argMax(-1);
        return straightThrough(logits, index);
    }

    /** The most likely one-hot, flattened {@code [B, S·C]} (deterministic serving). */
    public NDArray mode(NDArray logits) {
        return straightThrough(logits, logits.stopGradient().argMax(-1));
    }

    private NDArray straightThrough(NDArray logits, NDArray index) {
        NDArray onehot = oneHot(index, c.classes());
        NDArray probs = logits.softmax(-1);
        NDArray st = onehot.add(probs).sub(probs.stopGradient());
        return st.reshape(st.getShape().get(0), c.stochFlat());
    }

    /** One-hot along a new last axis of integer indices. */
    static NDArray oneHot(NDArray index, int classes) {
        NDArray range = index.getManager().arange(classes).toType(index.getDataType(), false);
        return index.expandDims(-1).eq(range).toType(DataType.FLOAT32, false);
    }

    private NDArray categorical(NDArray flat) {
        return Layers.unimix(flat.reshape(flat.getShape().get(0), c.stoch(), c.classes()), UNIMIX);
    }

    /** Decoder prediction of the symlog observation. */
    public NDArray decode(NDArray feat) {
        return Layers.linear(p, "dec.out", Layers.mlp(p, "dec", feat, HEAD_LAYERS));
    }

    public NDArray rewardLogits(NDArray feat) {
        return Layers.linear(p, "rew.out", Layers.mlp(p, "rew", feat, 1));
    }

    /** Continue logit {@code [B]}. */
    public NDArray continueLogit(NDArray feat) {
        NDArray out = Layers.linear(p, "con.out", Layers.mlp(p, "con", feat, 1));
        return out.reshape(out.getShape().get(0));
    }

    /** Actor logits {@code [B, A]} with 1 % unimix. */
    public NDArray actorLogits(NDArray feat) {
        return Layers.unimix(Layers.linear(p, "actor.out", Layers.mlp(p, "actor", feat, HEAD_LAYERS)), UNIMIX);
    }

    /** Critic (or slow critic with prefix {@code slow.critic}) logits over the two-hot bins. */
    public NDArray criticLogits(String prefix, NDArray feat) {
        return Layers.linear(p, prefix + ".out", Layers.mlp(p, prefix, feat, HEAD_LAYERS));
    }
}

package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The DreamerV3 networks over one parameter set: symlog MLP encoder (plus a CNN for the
 * bird's-eye raster when the config has one, {@link RasterNets}), RSSM (LayerNorm GRU, prior and
 * posterior heads with 1 % unimix categoricals), decoders, reward / continue heads, actor and critic
 * (plus its slow copy), and the narration head when the config has one ({@link Narration}).
 */
public final class DreamerNets {

    public static final float UNIMIX = 0.01f;
    static final int ENCODER_LAYERS = 2;
    static final int HEAD_LAYERS = 2;
    static final int NARRATION_LAYERS = 1;

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
                .mlp("obs_out", c.deter() + embedSize(c), h, 1)
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
        // after every vector-only parameter, so a raster-off layout is exactly the one before rasters
        if (c.usesRaster()) {
            RasterNets.addTo(l, c);
        }
        // last, so a layout without the head is exactly the one before narration existed
        if (c.narrates()) {
            l.mlp("narration", c.feat(), h, NARRATION_LAYERS).linear("narration.out", h, c.narrationClasses(), false);
        }
        return l;
    }

    /** Length of the encoder embedding: the vector MLP's output, plus the flattened CNN's. */
    static int embedSize(DreamerConfig c) {
        return c.hidden() + (c.usesRaster() ? RasterNets.embedSize(c) : 0);
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

    /** Encoder embedding of raw observation vectors {@code [B, O]} (a model without raster input). */
    public NDArray embed(NDArray obs) {
        if (c.usesRaster()) {
            throw new IllegalArgumentException("preset " + c.preset() + " needs a bird's-eye raster with each vector");
        }
        return Layers.mlp(p, "enc", Symlog.symlog(obs), ENCODER_LAYERS);
    }

    /**
     * Encoder embedding of observation vectors {@code [B, O]} and, for a raster model, their rasters
     * from {@link #rasters} ({@code null} for a vector-only model): MLP(symlog(vector)) ‖ CNN(raster).
     */
    public NDArray embed(NDArray obs, NDArray rasters) {
        if (!c.usesRaster()) {
            return embed(obs);
        }
        if (rasters == null) {
            throw new IllegalArgumentException("preset " + c.preset() + " needs a bird's-eye raster with each vector");
        }
        NDArray vector = Layers.mlp(p, "enc", Symlog.symlog(obs), ENCODER_LAYERS);
        return NDArrays.concat(new NDList(vector, RasterNets.encode(p, c, rasters)), -1);
    }

    /**
     * {@code count} rasters, {@link DreamerConfig#rasterBytes()} bytes each (as the simulator sends
     * them), as the encoder's input {@code [count, C, S, S]}, pixels {@code byte/255 − 0.5}.
     */
    public NDArray rasters(NDManager manager, byte[] data, int count) {
        return RasterNets.input(manager, data, count, c);
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
    public static NDArray oneHot(NDArray index, int classes) {
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

    /** Image decoder prediction of the rasters {@code [B, C, S, S]} in the encoder's pixel scale. */
    public NDArray decodeRaster(NDArray feat) {
        if (!c.usesRaster()) {
            throw new IllegalStateException("preset " + c.preset() + " has no raster decoder");
        }
        return RasterNets.decode(p, c, feat);
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

    /** Narration head logits {@code [B, narrationClasses]} ({@link Narration#CLASSES}), no unimix. */
    public NDArray narrationLogits(NDArray feat) {
        if (!c.narrates()) {
            throw new IllegalStateException("preset " + c.preset() + " has no narration head");
        }
        return Layers.linear(p, "narration.out", Layers.mlp(p, "narration", feat, NARRATION_LAYERS));
    }

    /** Critic (or slow critic with prefix {@code slow.critic}) logits over the two-hot bins. */
    public NDArray criticLogits(String prefix, NDArray feat) {
        return Layers.linear(p, prefix + ".out", Layers.mlp(p, prefix, feat, HEAD_LAYERS));
    }
}

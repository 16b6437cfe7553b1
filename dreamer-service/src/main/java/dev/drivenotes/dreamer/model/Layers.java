package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** Functional layers over {@link Params}; the input comes first so results live in its manager. */
final class Layers {

    static final float NORM_EPS = 1e-3f;

    private Layers() {}

    static NDArray linear(Params p, String name, NDArray x) {
        return x.matMul(p.get(name + ".w")).add(p.get(name + ".b"));
    }

    static NDArray norm(Params p, String name, NDArray x) {
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray centred = x.sub(mean);
        NDArray var = centred.square().mean(new int[] {-1}, true);
        return centred.div(var.add(NORM_EPS).sqrt()).mul(p.get(name + ".g")).add(p.get(name + ".o"));
    }

    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    static NDArray mlp(Params p, String name, NDArray x, int layers) {
        NDArray h = x;
        for (int i = 0; i < layers; i++) {
            h = silu(norm(p, name + "." + i + ".n", linear(p, name + "." + i, h)));
        }
        return h;
    }

    /** Logits of {@code (1 − mix)·softmax + mix/classes} over the last axis. */
    static NDArray unimix(NDArray logits, float mix) {
        long classes = logits.getShape().get(logits.getShape().dimension() - 1);
        return logits.softmax(-1).mul(1 - mix).add(mix / classes).log();
    }
}

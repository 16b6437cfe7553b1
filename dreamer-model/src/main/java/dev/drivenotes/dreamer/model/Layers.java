package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Functional layers over {@link Params}; the input comes first so results live in its manager. The
 * autograd-safe constant operations ({@link #times}, {@link #over}, {@link #atLeast}) are public:
 * the trainer's losses need them too.
 */
public final class Layers {

    static final float NORM_EPS = 1e-3f;
    /** Kernel size of the image networks (DreamerV3's). */
    static final int KERNEL = 4;

    private static final Shape STRIDE = new Shape(2, 2);
    private static final Shape PADDING = new Shape(1, 1);
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape UP_PADDING = new Shape(KERNEL - 2, KERNEL - 2);
    private static final Shape DILATION = new Shape(1, 1);

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

    /** LayerNorm over the channels of each pixel of an {@code [N, C, H, W]} map (DreamerV3's image nets). */
    static NDArray channelNorm(Params p, String name, NDArray x) {
        NDArray mean = x.mean(new int[] {1}, true);
        NDArray centred = x.sub(mean);
        NDArray var = centred.square().mean(new int[] {1}, true);
        long channels = x.getShape().get(1);
        Shape perChannel = new Shape(1, channels, 1, 1);
        return centred.div(var.add(NORM_EPS).sqrt())
                .mul(p.get(name + ".g").reshape(perChannel))
                .add(p.get(name + ".o").reshape(perChannel));
    }

    /** A kernel-4, stride-2, padding-1 convolution: halves height and width. */
    static NDArray convDown(Params p, String name, NDArray x) {
        return Conv2d.conv2d(x, p.get(name + ".w"), p.get(name + ".b"), STRIDE, PADDING, DILATION)
                .singletonOrThrow();
    }

    /**
     * A kernel-4, stride-2, padding-1 transposed convolution (weights {@code [in, out, k, k]}, as
     * PyTorch's {@code conv_transpose2d}): doubles height and width. DJL's PyTorch engine does not
     * implement deconvolution, so it runs as its textbook equivalent: zeros inserted between the
     * input pixels, then a stride-1 convolution with the spatially flipped kernel and padding {@code
     * k − 1 − p}.
     */
    static NDArray convUp(Params p, String name, NDArray x) {
        NDArray kernel = p.get(name + ".w").flip(2, 3).transpose(1, 0, 2, 3);
        return Conv2d.conv2d(spread(x), kernel, p.get(name + ".b"), ONE, UP_PADDING, DILATION)
                .singletonOrThrow();
    }

    /** {@code [N, C, H, W]} → {@code [N, C, 2H − 1, 2W − 1]}: x at even positions, zeros between. */
    static NDArray spread(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        NDArray cols = x.expandDims(-1);
        cols = cols.concat(cols.zerosLike(), -1).reshape(n, c, h, 2 * w);
        NDArray rows = cols.expandDims(3);
        rows = rows.concat(rows.zerosLike(), 3).reshape(n, c, 2 * h, 2 * w);
        return rows.get(new NDIndex(":, :, 0:{}, 0:{}", 2 * h - 1, 2 * w - 1));
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
        return times(logits.softmax(-1), 1 - mix).add(mix / classes).log();
    }

    /*
     * Constants in the autograd graph. DJL's mul/div/maximum(Number) wrap the constant in a tensor
     * over a Java direct buffer and close it at once, but autograd keeps that tensor for the backward
     * pass: once the garbage collector frees the buffer, the gradient reads freed memory (found as
     * run-to-run differences and occasional huge or infinite gradients). A constant made by full() is
     * owned by PyTorch and lives as long as the graph needs it. add/sub(Number) are safe: their
     * backward does not read the constant.
     */

    /** {@code x · c}, safe under autograd. */
    public static NDArray times(NDArray x, float c) {
        try (NDArray constant = x.getManager().full(new Shape(), c)) {
            return x.mul(constant);
        }
    }

    /** {@code x / c}, safe under autograd. */
    public static NDArray over(NDArray x, float c) {
        try (NDArray constant = x.getManager().full(new Shape(), c)) {
            return x.div(constant);
        }
    }

    /** {@code max(x, c)} element-wise, safe under autograd. */
    public static NDArray atLeast(NDArray x, float c) {
        try (NDArray constant = x.getManager().full(new Shape(), c)) {
            return x.maximum(constant);
        }
    }
}

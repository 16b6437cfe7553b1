package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;

/**
 * The symexp two-hot distribution of DreamerV3's reward and critic heads: {@link #BINS} bins
 * spaced evenly from −20 to 20 in symlog space. A target is encoded as weights on the two bins
 * around its symlog; a prediction decodes as the symexp of the softmax-weighted bin mean.
 */
public final class TwoHot {

    public static final int BINS = 255;
    static final float LOW = -20f;
    static final float HIGH = 20f;
    private static final float STEP = (HIGH - LOW) / (BINS - 1);

    private TwoHot() {}

    /** Bin centres (symlog space). */
    public static float[] bins() {
        float[] bins = new float[BINS];
        for (int i = 0; i < BINS; i++) {
            bins[i] = LOW + i * STEP;
        }
        return bins;
    }

    /** Two-hot weights, row after row, of the symlog of each value (values outside ±symexp(20) clip). */
    public static float[] encode(float[] values) {
        float[] out = new float[values.length * BINS];
        for (int n = 0; n < values.length; n++) {
            double x = Math.clamp(Symlog.symlog(values[n]), LOW, HIGH);
            double pos = (x - LOW) / STEP;
            int below = Math.min((int) Math.floor(pos), BINS - 2);
            double above = pos - below;
            out[n * BINS + below] = (float) (1 - above);
            out[n * BINS + below + 1] = (float) above;
        }
        return out;
    }

    /** Expected value of logits over the last axis ({@code [..., BINS]} to {@code [...]}). */
    public static NDArray decode(NDArray logits) {
        NDArray bins = logits.getManager().create(bins());
        NDArray mean = logits.softmax(-1).mul(bins).sum(new int[] {-1});
        return Symlog.symexp(mean);
    }

    /** Cross-entropy of logits {@code [N, BINS]} against two-hot targets {@code [N, BINS]}, per row. */
    public static NDArray loss(NDArray logits, NDArray target) {
        return logits.logSoftmax(-1).mul(target).sum(new int[] {-1}).neg();
    }
}

package dev.drivenotes.dreamer.model;

import java.util.Arrays;

/** DreamerV3's return scale: EMA (rate 0.01) of the 5th–95th percentile range, floored at 1. */
public final class ReturnNormalizer {

    private static final double RATE = 0.01;
    private double low;
    private double high;
    private boolean started;

    /** Updates with a batch of returns and answers the scale to divide advantages by. */
    public double update(float[] returns) {
        float[] sorted = returns.clone();
        Arrays.sort(sorted);
        double p5 = sorted[(int) Math.floor(0.05 * (sorted.length - 1))];
        double p95 = sorted[(int) Math.ceil(0.95 * (sorted.length - 1))];
        if (!started) {
            low = p5;
            high = p95;
            started = true;
        } else {
            low += RATE * (p5 - low);
            high += RATE * (p95 - high);
        }
        return scale();
    }

    public double scale() {
        return Math.max(1.0, high - low);
    }
}

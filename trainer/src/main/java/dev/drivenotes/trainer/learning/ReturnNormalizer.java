package dev.drivenotes.trainer.learning;

import java.util.Arrays;

/** DreamerV3's return scale: EMA (rate 0.01) of the 5th–95th percentile range, floored at 1. */
public final class ReturnNormalizer {

    private static final double RATE = 0.01;
    private double low;
    private double high;
    private boolean started;

    /**
     * The EMA state, saved with a checkpoint so that a resumed run keeps its advantage scale.
     *
     * @param low EMA of the 5th percentile
     * @param high EMA of the 95th percentile
     * @param started whether any batch has been seen (the first one sets the EMAs directly)
     */
    public record State(double low, double high, boolean started) {
        public State {
            if (!Double.isFinite(low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("returnNormalizer: low and high must be finite");
            }
        }
    }

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

    public State state() {
        return new State(low, high, started);
    }

    public void restore(State state) {
        low = state.low();
        high = state.high();
        started = state.started();
    }
}

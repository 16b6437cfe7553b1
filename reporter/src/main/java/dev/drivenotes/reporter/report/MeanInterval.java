package dev.drivenotes.reporter.report;

import dev.drivenotes.model.Require;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A 95 % confidence interval of a mean of non-negative values (a localisation error in metres), the
 * percentile bootstrap: the 2.5th and 97.5th percentiles of the means of {@value #RESAMPLES}
 * resamples with replacement, drawn from a fixed seed so a report rebuilt from the same notes is the
 * same. Unlike a normal interval it follows the skew of errors (many small, a few large) and never
 * goes below 0. A single value is its own interval.
 *
 * @param low lower bound, at least 0
 * @param high upper bound, at least low
 * @param n the values behind the mean
 */
public record MeanInterval(double low, double high, int n) {

    static final int RESAMPLES = 2000;
    private static final long SEED = 0x5EED_1E55L;

    public MeanInterval {
        Require.nonNegative("low", low);
        Require.finite("high", high);
        if (high < low) {
            throw new IllegalArgumentException("high " + high + " is below low " + low);
        }
        Require.inRange("n", n, 1, Integer.MAX_VALUE);
    }

    /** The bootstrap interval of the mean of {@code values}; null when there are none. */
    static MeanInterval bootstrap(double[] values) {
        int n = values.length;
        if (n == 0) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        double low = means[(int) Math.floor(0.025 * (RESAMPLES - 1))];
        double high = means[(int) Math.ceil(0.975 * (RESAMPLES - 1))];
        return new MeanInterval(low, high, n);
    }

    /** The mean of {@code values}; null when there are none. */
    static Double mean(double[] values) {
        return values.length == 0 ? null : Arrays.stream(values).sum() / values.length;
    }
}

package dev.drivenotes.reporter.report;

import dev.drivenotes.model.Require;

/**
 * A 95 % confidence interval of a share, the Wilson score interval of {@code k} successes in {@code
 * n} trials: centre {@code (p + z²/2n) / (1 + z²/n)}, half-width {@code z / (1 + z²/n) × sqrt(p(1 −
 * p)/n + z²/4n²)}, {@code p = k/n}, {@code z = 1.96}. Unlike the normal approximation it stays inside
 * 0..1 and is not empty at p = 0 or 1, which small note counts often give.
 *
 * @param low lower bound, 0..1
 * @param high upper bound, low..1
 * @param n the notes behind the share
 */
public record Interval(double low, double high, int n) {

    /** The two-sided 95 % normal quantile. */
    static final double Z_95 = 1.959963984540054;

    public Interval {
        Require.inRange("low", low, 0, 1);
        Require.inRange("high", high, low, 1);
        Require.inRange("n", n, 1, Integer.MAX_VALUE);
    }

    /** The Wilson interval of {@code k} of {@code n}; null when {@code n} is 0 (no share to bound). */
    static Interval wilson(int k, int n) {
        if (n == 0) {
            return null;
        }
        Require.inRange("k", k, 0, n);
        double p = (double) k / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z_95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // at k = 0 (k = n) the bound is exactly 0 (1); rounding would print 1e-17 or 0.9999999999999999
        double low = k == 0 ? 0 : Math.max(0, centre - half);
        double high = k == n ? 1 : Math.min(1, centre + half);
        return new Interval(low, high, n);
    }
}

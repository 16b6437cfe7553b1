package dev.drivenotes.carla.map.geometry;

import java.util.function.DoubleUnaryOperator;

/**
 * Maps arc length to a curve parameter for parametric curves whose parameter is not arc length:
 * tabulates the arc length over the parameter range and inverts it by interpolation.
 */
final class ArcLengthTable {

    private static final int SAMPLES = 256;

    private final double[] params;
    private final double[] lengths;
    private final DoubleUnaryOperator speed;

    /**
     * @param speed |dP/dp| as a function of the parameter
     * @param maxParam the parameter at the end of the curve
     */
    ArcLengthTable(DoubleUnaryOperator speed, double maxParam) {
        this.speed = speed;
        params = new double[SAMPLES + 1];
        lengths = new double[SAMPLES + 1];
        double step = maxParam / SAMPLES;
        for (int i = 1; i <= SAMPLES; i++) {
            double p0 = (i - 1) * step;
            double p1 = i * step;
            double simpson =
                    (speed.applyAsDouble(p0) + 4 * speed.applyAsDouble((p0 + p1) / 2) + speed.applyAsDouble(p1))
                            * step
                            / 6;
            params[i] = p1;
            lengths[i] = lengths[i - 1] + simpson;
        }
    }

    double totalLength() {
        return lengths[SAMPLES];
    }

    /** The parameter at arc length {@code s}, scaled so that the table's total maps to {@code fullLength}. */
    double paramAt(double s, double fullLength) {
        double target = fullLength > 0 ? s * totalLength() / fullLength : 0;
        int lo = 0;
        int hi = SAMPLES;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (lengths[mid] <= target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double span = lengths[hi] - lengths[lo];
        double f = span > 0 ? (target - lengths[lo]) / span : 0;
        double p = params[lo] + Math.max(0, Math.min(1, f)) * (params[hi] - params[lo]);
        // two Newton steps on length(p) = target: the linear guess is off where the speed varies
        for (int k = 0; k < 2; k++) {
            double a = params[lo];
            double lenP = lengths[lo]
                    + (speed.applyAsDouble(a) + 4 * speed.applyAsDouble((a + p) / 2) + speed.applyAsDouble(p))
                            * (p - a)
                            / 6;
            double v = speed.applyAsDouble(p);
            if (v <= 1e-12) {
                break;
            }
            p = Math.max(params[lo], Math.min(params[hi], p - (lenP - target) / v));
        }
        return p;
    }
}

package dev.drivenotes.carla.map.geometry;

import java.util.concurrent.atomic.LongAdder;

/**
 * A clothoid: curvature changes linearly from {@code curvStart} to {@code curvEnd}. Positions come
 * from 4-point Gauss-Legendre integration of the heading over panels of at most 2 m, accurate to well
 * below a millimetre for road-sized spirals. The integral is tabulated once at every 2 m knot, so a
 * position integrates only the remainder from the knot before it: sampling a spiral costs time
 * proportional to its length plus the number of samples, never their product.
 */
public final class SpiralGeometry implements Geometry {

    private static final double[] NODES = {
        -0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526
    };
    private static final double[] WEIGHTS = {
        0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538
    };
    static final double KNOT_SPACING_M = 2.0;

    private final double s;
    private final double x;
    private final double y;
    private final double hdg;
    private final double length;
    private final double curvStart;
    private final double curvEnd;
    private final double rate;
    /** The integrals of cos and sin of the heading from 0 to knot k (at k · {@link #KNOT_SPACING_M}). */
    private final double[] knotX;

    private final double[] knotY;
    /** Counts integrand evaluations for tests; null in production. */
    private final LongAdder integrandCount;

    public SpiralGeometry(double s, double x, double y, double hdg, double length, double curvStart, double curvEnd) {
        this(s, x, y, hdg, length, curvStart, curvEnd, null);
    }

    /** @param integrandCount incremented on every evaluation of the heading integrand (a test's probe) */
    SpiralGeometry(
            double s,
            double x,
            double y,
            double hdg,
            double length,
            double curvStart,
            double curvEnd,
            LongAdder integrandCount) {
        this.s = s;
        this.x = x;
        this.y = y;
        this.hdg = hdg;
        this.length = length;
        this.curvStart = curvStart;
        this.curvEnd = curvEnd;
        this.rate = length > 0 ? (curvEnd - curvStart) / length : 0;
        this.integrandCount = integrandCount;
        int knots = Math.max(0, (int) Math.floor(length / KNOT_SPACING_M)) + 1;
        this.knotX = new double[knots];
        this.knotY = new double[knots];
        double[] sum = new double[2];
        for (int k = 1; k < knots; k++) {
            addIntegral((k - 1) * KNOT_SPACING_M, k * KNOT_SPACING_M, sum);
            knotX[k] = sum[0];
            knotY[k] = sum[1];
        }
    }

    @Override
    public void evaluate(double ds, double[] out) {
        int k = Math.max(0, Math.min(knotX.length - 1, (int) Math.floor(ds / KNOT_SPACING_M)));
        double fromM = k * KNOT_SPACING_M;
        out[0] = knotX[k];
        out[1] = knotY[k];
        if (ds != fromM) {
            addIntegral(fromM, ds, out);
        }
        out[0] += x;
        out[1] += y;
        out[2] = heading(ds);
    }

    /** Adds the integrals of cos and sin of the heading over [u0, u1] (one Gauss-Legendre panel) to sum[0..1]. */
    private void addIntegral(double u0, double u1, double[] sum) {
        double half = (u1 - u0) / 2;
        double mid = (u0 + u1) / 2;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < NODES.length; i++) {
            double theta = heading(mid + NODES[i] * half);
            sumX += WEIGHTS[i] * Math.cos(theta);
            sumY += WEIGHTS[i] * Math.sin(theta);
        }
        if (integrandCount != null) {
            integrandCount.add(NODES.length);
        }
        sum[0] += sumX * half;
        sum[1] += sumY * half;
    }

    private double heading(double u) {
        return hdg + curvStart * u + rate * u * u / 2;
    }

    @Override
    public double s() {
        return s;
    }

    @Override
    public double x() {
        return x;
    }

    @Override
    public double y() {
        return y;
    }

    @Override
    public double hdg() {
        return hdg;
    }

    @Override
    public double length() {
        return length;
    }

    public double curvStart() {
        return curvStart;
    }

    public double curvEnd() {
        return curvEnd;
    }
}

package dev.drivenotes.carla.map.geometry;

/**
 * A clothoid: curvature changes linearly from {@code curvStart} to {@code curvEnd}. Positions come
 * from Gauss-Legendre integration of the heading over sub-intervals of at most 2 m, accurate to
 * well below a millimetre for road-sized spirals.
 */
public record SpiralGeometry(double s, double x, double y, double hdg, double length, double curvStart, double curvEnd)
        implements Geometry {

    private static final double[] NODES = {
        -0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526
    };
    private static final double[] WEIGHTS = {
        0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538
    };
    private static final double MAX_STEP_M = 2.0;

    @Override
    public void evaluate(double ds, double[] out) {
        double rate = length > 0 ? (curvEnd - curvStart) / length : 0;
        int steps = Math.max(1, (int) Math.ceil(ds / MAX_STEP_M));
        double h = ds / steps;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < steps; i++) {
            double mid = (i + 0.5) * h;
            for (int k = 0; k < NODES.length; k++) {
                double u = mid + NODES[k] * h / 2;
                double theta = heading(u, rate);
                sumX += WEIGHTS[k] * Math.cos(theta);
                sumY += WEIGHTS[k] * Math.sin(theta);
            }
        }
        out[0] = x + sumX * h / 2;
        out[1] = y + sumY * h / 2;
        out[2] = heading(ds, rate);
    }

    private double heading(double u, double rate) {
        return hdg + curvStart * u + rate * u * u / 2;
    }
}

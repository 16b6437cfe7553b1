package dev.drivenotes.carla.traffic;

/** The Intelligent Driver Model (Treiber 2000) with the team's parameters. */
final class Idm {

    static final double TIME_HEADWAY_S = 1.5;
    static final double MIN_GAP_M = 2.0;
    static final double MAX_ACCEL_MPS2 = 1.5;
    static final double COMFORT_DECEL_MPS2 = 2.0;

    private Idm() {}

    /**
     * Acceleration at {@code speedMps} towards {@code desiredMps}, behind an obstacle {@code gapM}
     * ahead (bumper to bumper; infinite when none) moving at {@code leaderMps}.
     */
    static double accelerationMps2(double speedMps, double desiredMps, double gapM, double leaderMps) {
        double ratioToDesired = speedMps / Math.max(0.1, desiredMps);
        double squared = ratioToDesired * ratioToDesired;
        double free = 1 - squared * squared;
        if (gapM == Double.POSITIVE_INFINITY) {
            return MAX_ACCEL_MPS2 * free;
        }
        double desiredGapM = MIN_GAP_M
                + Math.max(
                        0,
                        speedMps * TIME_HEADWAY_S
                                + speedMps
                                        * (speedMps - leaderMps)
                                        / (2 * Math.sqrt(MAX_ACCEL_MPS2 * COMFORT_DECEL_MPS2)));
        double ratio = desiredGapM / Math.max(0.05, gapM);
        return MAX_ACCEL_MPS2 * (free - ratio * ratio);
    }
}

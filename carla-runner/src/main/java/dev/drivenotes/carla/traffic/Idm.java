package dev.drivenotes.carla.traffic;

import dev.drivenotes.model.Require;

/**
 * The Intelligent Driver Model (Treiber 2000) with a fleet's parameters, set by its drivers'
 * aggressiveness a (0..1). The team's parameters are a = 0.5 ({@link #MODERATE}, exactly); the
 * mapping, with d = a − 0.5:
 *
 * <ul>
 *   <li>time headway 1.5 s × 2^(−2d): 3 s (a = 0) … 0.75 s (a = 1);
 *   <li>minimum standstill gap 2 m × 2^(−2d): 4 m … 1 m;
 *   <li>maximum acceleration 1.5 m/s² × (1 + d): 0.75 … 2.25 m/s²;
 *   <li>desired speed (each vehicle's share of its lane's limit) × (1 + 0.4 d): 0.8 … 1.2;
 *   <li>comfortable deceleration 2 m/s² at every a (what the model's braking stays safe with).
 * </ul>
 *
 * @param timeHeadwayS the time gap a follower keeps to its leader
 * @param minGapM the bumper gap a follower stands at behind a stopped leader (or stop line)
 * @param maxAccelMps2 the largest acceleration
 * @param comfortDecelMps2 the deceleration the model plans with
 * @param desiredSpeedScale multiplies every vehicle's desired speed
 */
record Idm(
        double timeHeadwayS, double minGapM, double maxAccelMps2, double comfortDecelMps2, double desiredSpeedScale) {

    static final double TIME_HEADWAY_S = 1.5;
    static final double MIN_GAP_M = 2.0;
    static final double MAX_ACCEL_MPS2 = 1.5;
    static final double COMFORT_DECEL_MPS2 = 2.0;

    /** The team's parameters: aggressiveness 0.5. */
    static final Idm MODERATE = forAggressiveness(0.5);

    Idm {
        Require.positive("timeHeadwayS", timeHeadwayS);
        Require.positive("minGapM", minGapM);
        Require.positive("maxAccelMps2", maxAccelMps2);
        Require.positive("comfortDecelMps2", comfortDecelMps2);
        Require.positive("desiredSpeedScale", desiredSpeedScale);
    }

    /** The parameters for {@code aggressiveness} (0..1), see the class comment. */
    static Idm forAggressiveness(double aggressiveness) {
        Require.inRange("npcAggressiveness", aggressiveness, 0, 1);
        double d = aggressiveness - 0.5;
        double closer = Math.pow(2, -2 * d);
        return new Idm(
                TIME_HEADWAY_S * closer, MIN_GAP_M * closer, MAX_ACCEL_MPS2 * (1 + d), COMFORT_DECEL_MPS2, 1 + 0.4 * d);
    }

    /**
     * Acceleration at {@code speedMps} towards {@code desiredMps}, behind an obstacle {@code gapM}
     * ahead (bumper to bumper; infinite when none) moving at {@code leaderMps}.
     */
    double accelerationMps2(double speedMps, double desiredMps, double gapM, double leaderMps) {
        double ratioToDesired = speedMps / Math.max(0.1, desiredMps);
        double squared = ratioToDesired * ratioToDesired;
        double free = 1 - squared * squared;
        if (gapM == Double.POSITIVE_INFINITY) {
            return maxAccelMps2 * free;
        }
        double desiredGapM = minGapM
                + Math.max(
                        0,
                        speedMps * timeHeadwayS
                                + speedMps * (speedMps - leaderMps) / (2 * Math.sqrt(maxAccelMps2 * comfortDecelMps2)));
        double ratio = desiredGapM / Math.max(0.05, gapM);
        return maxAccelMps2 * (free - ratio * ratio);
    }
}

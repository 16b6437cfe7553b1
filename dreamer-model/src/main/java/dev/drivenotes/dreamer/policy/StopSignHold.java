package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.sim.StopSignAhead;

/**
 * The autopilot's stop at the stop sign ahead, per session: it brakes at {@link #DECEL_MPS2} to
 * stand with its front bumper {@link AutopilotPolicy#STOP_LINE_MARGIN_M} before the stop line,
 * stands there {@link #HOLD_S}, and then drives on without stopping for that sign again.
 *
 * <p>The observation names no sign, only the distance to the next stop line, so a sign counts as
 * new when the observation shows none or the distance jumps up by more than {@link #NEW_SIGN_M}
 * (the ego passed the line and the next sign came into view). A stop counts when the speed is
 * below {@link #STOPPED_MPS} with the front bumper at most {@link #STOP_ZONE_M} before the line:
 * inside the simulator's stop-sign rule (CARLA's {@code RunningStopTest}: below 0.1 m/s within 4 m).
 * Not thread-safe: callers lock it.
 */
final class StopSignHold {

    /**
     * Braking for a stop sign: a sign never changes, so braking can start early and gently — and at
     * most the 2 m/s² the dreamer's discrete actions brake at, so the autopilot restricted to them
     * stands at the line too.
     */
    static final double DECEL_MPS2 = 2.0;

    /** Standstill time at the line before going on. */
    static final double HOLD_S = 1.0;

    /** Below this speed the vehicle stands (the simulator's rule: below 0.1 m/s). */
    static final double STOPPED_MPS = 0.05;

    /** A stop counts when the front bumper is at most this far before the line (the simulator's rule: 4 m). */
    static final double STOP_ZONE_M = 3.0;

    /** A stop line this much further away than at the previous step belongs to another sign. */
    static final double NEW_SIGN_M = 2.0;

    private double lastDistanceM = Double.NaN;
    private double stoodS;
    private boolean done;

    /**
     * The speed the stop sign allows at this step (infinite when none must be stopped for), one
     * control step of {@code stepSeconds} after the previous call.
     */
    double limitMps(StopSignAhead sign, double speedMps, double stepSeconds) {
        if (sign == null || (!Double.isNaN(lastDistanceM) && sign.distanceM() > lastDistanceM + NEW_SIGN_M)) {
            stoodS = 0;
            done = false;
        }
        lastDistanceM = sign == null ? Double.NaN : sign.distanceM();
        double frontToLineM = sign == null ? Double.NaN : sign.distanceM() - AutopilotPolicy.VEHICLE.halfLengthM();
        if (sign == null || done || frontToLineM < 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (speedMps < STOPPED_MPS && frontToLineM <= STOP_ZONE_M) {
            stoodS += stepSeconds;
            done = stoodS >= HOLD_S - 1e-9;
            return done ? Double.POSITIVE_INFINITY : 0;
        }
        stoodS = 0;
        double roomM = frontToLineM - AutopilotPolicy.STOP_LINE_MARGIN_M;
        return Math.sqrt(2 * DECEL_MPS2 * Math.max(0, roomM));
    }
}

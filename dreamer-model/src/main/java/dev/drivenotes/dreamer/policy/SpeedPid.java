package dev.drivenotes.dreamer.policy;

/**
 * Longitudinal PID of one session: speed error (m/s) in, acceleration command (m/s²) out. Against
 * windup the integral only accumulates near the target (|error| below {@link
 * #INTEGRATION_BAND_MPS}; far from it the proportional term saturates the pedals anyway) and is
 * clamped; the derivative acts on the measured speed, so a jump of the target speed (a new speed
 * limit) does not kick the pedals. Not thread-safe: callers lock it.
 */
final class SpeedPid {

    static final double KP_PER_S = 1.2;
    static final double KI_PER_S2 = 0.3;
    static final double KD = 0.05;
    /** Most acceleration the integral term may contribute, m/s². */
    static final double MAX_INTEGRAL_ACCEL_MPS2 = 0.5;
    /** The integral only accumulates while the speed error is smaller than this. */
    static final double INTEGRATION_BAND_MPS = 0.5;

    private double integralMps;
    private double previousSpeedMps = Double.NaN;

    /** Acceleration to ask for, one control step of {@code stepSeconds} after the previous call. */
    double accelerationMps2(double targetSpeedMps, double speedMps, double stepSeconds) {
        double errorMps = targetSpeedMps - speedMps;
        double limit = MAX_INTEGRAL_ACCEL_MPS2 / KI_PER_S2;
        if (Math.abs(errorMps) < INTEGRATION_BAND_MPS) {
            integralMps = Math.clamp(integralMps + errorMps * stepSeconds, -limit, limit);
        }
        double speedRateMps2 = Double.isNaN(previousSpeedMps) ? 0 : (speedMps - previousSpeedMps) / stepSeconds;
        previousSpeedMps = speedMps;
        return KP_PER_S * errorMps + KI_PER_S2 * integralMps - KD * speedRateMps2;
    }

    /** Forgets the integral (used while holding the vehicle at standstill). */
    void holdStill(double speedMps) {
        integralMps = 0;
        previousSpeedMps = speedMps;
    }
}

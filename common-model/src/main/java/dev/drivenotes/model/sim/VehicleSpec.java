package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;

/**
 * The simulated ego vehicle: a kinematic bicycle referenced at the rear axle and reported at its
 * centre, with CARLA's control convention (steer +1 turns the front wheels fully to the RIGHT;
 * throttle and brake scale fixed accelerations). The simulator integrates it; controllers invert it.
 *
 * @param wheelbaseM distance between the axles
 * @param maxWheelAngleRad front-wheel angle at |steer| = 1
 * @param wheelAngleRateRadPerS how fast the front wheels turn toward the commanded angle
 * @param throttleAccelMps2 acceleration at full throttle
 * @param brakeDecelMps2 deceleration at full brake
 * @param dragPerS rolling resistance and drag: deceleration per m/s of speed
 * @param centreAheadOfRearAxleM how far the reported pose (the ego-frame origin) is ahead of the rear
 *     axle
 * @param lengthM body length (the centre is halfway)
 * @param widthM body width
 */
public record VehicleSpec(
        double wheelbaseM,
        double maxWheelAngleRad,
        double wheelAngleRateRadPerS,
        double throttleAccelMps2,
        double brakeDecelMps2,
        double dragPerS,
        double centreAheadOfRearAxleM,
        double lengthM,
        double widthM) {

    /** The ego vehicle of every simulation. */
    public static final VehicleSpec EGO = new VehicleSpec(2.875, 0.7, 4.0, 3.5, 8.0, 0.02, 1.4, 4.6, 2.0);

    public VehicleSpec {
        Require.positive("wheelbaseM", wheelbaseM);
        Require.positive("maxWheelAngleRad", maxWheelAngleRad);
        Require.positive("wheelAngleRateRadPerS", wheelAngleRateRadPerS);
        Require.positive("throttleAccelMps2", throttleAccelMps2);
        Require.positive("brakeDecelMps2", brakeDecelMps2);
        Require.nonNegative("dragPerS", dragPerS);
        Require.positive("lengthM", lengthM);
        Require.positive("widthM", widthM);
        // the rear axle lies inside the body
        Require.inRange("centreAheadOfRearAxleM", centreAheadOfRearAxleM, 0, lengthM / 2);
    }

    /** From the centre to the front (or rear) bumper. */
    public double halfLengthM() {
        return lengthM / 2;
    }

    /** The steer command for a front-wheel angle (counter-clockwise, i.e. left, positive). */
    public double steerFor(double wheelAngleRad) {
        return Math.clamp(-wheelAngleRad / maxWheelAngleRad, -1, 1);
    }

    /** The control with {@code steer} whose throttle or brake yields {@code accelMps2} at {@code speedMps}. */
    public Control controlFor(double steer, double accelMps2, double speedMps) {
        double force = accelMps2 + dragPerS * speedMps;
        if (force >= 0) {
            return Control.clamped(steer, force / throttleAccelMps2, 0);
        }
        return Control.clamped(steer, 0, -force / brakeDecelMps2);
    }
}

package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.sim.Control;

/**
 * The ego vehicle's model as the team brief defines it (kinematic bicycle, rear-axle reference),
 * and the inverse mappings a controller needs: front-wheel angle to steer, acceleration to
 * throttle/brake.
 */
final class EgoVehicle {

    static final double WHEELBASE_M = 2.875;
    /** Front-wheel angle at |steer| = 1; steer +1 turns the wheels 0.7 rad to the RIGHT. */
    static final double MAX_WHEEL_ANGLE_RAD = 0.7;
    /** The reported pose (and the ego-frame origin) is the vehicle centre, this far ahead of the rear axle. */
    static final double REAR_AXLE_TO_CENTRE_M = 1.4;

    static final double THROTTLE_ACCEL_MPS2 = 3.5;
    static final double BRAKE_DECEL_MPS2 = 8.0;
    /** Rolling resistance and drag: deceleration per m/s of speed. */
    static final double DRAG_PER_S = 0.02;

    private EgoVehicle() {}

    /** Steer command for a front-wheel angle (counter-clockwise, i.e. left, positive). */
    static double steerFor(double wheelAngleRad) {
        return clamp(-wheelAngleRad / MAX_WHEEL_ANGLE_RAD, -1, 1);
    }

    /** The control with {@code steer} whose throttle or brake yields {@code accelMps2} at {@code speedMps}. */
    static Control pedalsFor(double steer, double accelMps2, double speedMps) {
        double force = accelMps2 + DRAG_PER_S * speedMps;
        if (force >= 0) {
            return Control.clamped(steer, force / THROTTLE_ACCEL_MPS2, 0);
        }
        return Control.clamped(steer, 0, -force / BRAKE_DECEL_MPS2);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

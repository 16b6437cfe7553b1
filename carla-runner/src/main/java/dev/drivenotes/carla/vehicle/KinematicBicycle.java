package dev.drivenotes.carla.vehicle;

import dev.drivenotes.model.sim.Maneuver;

/**
 * The ego vehicle: a kinematic bicycle referenced at the rear axle, reported at its centre. Steer
 * follows CARLA (+1 = full right), the front-wheel angle moves toward its target at a limited rate,
 * and speed never goes below zero. Mutable; owned by one simulation.
 */
public final class KinematicBicycle {

    public static final double WHEELBASE_M = 2.875;
    public static final double MAX_WHEEL_ANGLE_RAD = 0.7;
    public static final double WHEEL_ANGLE_RATE_RAD_PER_S = 4.0;
    public static final double THROTTLE_ACCEL_MPS2 = 3.5;
    public static final double BRAKE_DECEL_MPS2 = 8.0;
    public static final double DRAG_PER_S = 0.02;
    public static final double CENTRE_AHEAD_OF_REAR_AXLE_M = 1.4;
    public static final double LENGTH_M = 4.6;
    public static final double WIDTH_M = 2.0;

    private double rearX;
    private double rearY;
    private double yawRad;
    private double speedMps;
    private double wheelAngleRad;

    private KinematicBicycle(double rearX, double rearY, double yawRad) {
        this.rearX = rearX;
        this.rearY = rearY;
        this.yawRad = yawRad;
    }

    /** A vehicle at rest whose centre is at (x, y), heading {@code yawRad}. */
    public static KinematicBicycle atCentre(double x, double y, double yawRad) {
        return new KinematicBicycle(
                x - CENTRE_AHEAD_OF_REAR_AXLE_M * Math.cos(yawRad),
                y - CENTRE_AHEAD_OF_REAR_AXLE_M * Math.sin(yawRad),
                yawRad);
    }

    /** Advances by {@code dtS} seconds under a CARLA-style control (steer -1..1, positive right). */
    public void step(double steer, double throttle, double brake, double dtS) {
        double targetAngle = -steer * MAX_WHEEL_ANGLE_RAD;
        double maxChange = WHEEL_ANGLE_RATE_RAD_PER_S * dtS;
        wheelAngleRad += Math.max(-maxChange, Math.min(maxChange, targetAngle - wheelAngleRad));
        double accel = throttle * THROTTLE_ACCEL_MPS2 - brake * BRAKE_DECEL_MPS2 - DRAG_PER_S * speedMps;
        speedMps = Math.max(0, speedMps + accel * dtS);
        rearX += speedMps * Math.cos(yawRad) * dtS;
        rearY += speedMps * Math.sin(yawRad) * dtS;
        yawRad = Maneuver.normalizeAngle(yawRad + speedMps / WHEELBASE_M * Math.tan(wheelAngleRad) * dtS);
    }

    public double centreX() {
        return rearX + CENTRE_AHEAD_OF_REAR_AXLE_M * Math.cos(yawRad);
    }

    public double centreY() {
        return rearY + CENTRE_AHEAD_OF_REAR_AXLE_M * Math.sin(yawRad);
    }

    public double yawRad() {
        return yawRad;
    }

    public double speedMps() {
        return speedMps;
    }

    /** Yaw rate, counter-clockwise positive: v / L × tan(front-wheel angle). */
    public double yawRateRadps() {
        return speedMps / WHEELBASE_M * Math.tan(wheelAngleRad);
    }

    public double wheelAngleRad() {
        return wheelAngleRad;
    }
}

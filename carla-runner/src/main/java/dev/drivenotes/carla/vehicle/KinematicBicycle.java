package dev.drivenotes.carla.vehicle;

import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.VehicleSpec;

/**
 * The ego vehicle: a kinematic bicycle referenced at the rear axle, reported at its centre. Steer
 * follows CARLA (+1 = full right), the front-wheel angle moves toward its target at a limited rate,
 * and speed never goes below zero. Mutable; owned by one simulation.
 */
public final class KinematicBicycle {

    private static final VehicleSpec SPEC = VehicleSpec.EGO;

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
                x - SPEC.centreAheadOfRearAxleM() * Math.cos(yawRad),
                y - SPEC.centreAheadOfRearAxleM() * Math.sin(yawRad),
                yawRad);
    }

    /** Advances by {@code dtS} seconds under a CARLA-style control (steer -1..1, positive right). */
    public void step(double steer, double throttle, double brake, double dtS) {
        double targetAngle = -steer * SPEC.maxWheelAngleRad();
        double maxChange = SPEC.wheelAngleRateRadPerS() * dtS;
        wheelAngleRad += Math.max(-maxChange, Math.min(maxChange, targetAngle - wheelAngleRad));
        double accel = throttle * SPEC.throttleAccelMps2() - brake * SPEC.brakeDecelMps2() - SPEC.dragPerS() * speedMps;
        speedMps = Math.max(0, speedMps + accel * dtS);
        rearX += speedMps * Math.cos(yawRad) * dtS;
        rearY += speedMps * Math.sin(yawRad) * dtS;
        yawRad = Maneuver.normalizeAngle(yawRad + speedMps / SPEC.wheelbaseM() * Math.tan(wheelAngleRad) * dtS);
    }

    public double centreX() {
        return rearX + SPEC.centreAheadOfRearAxleM() * Math.cos(yawRad);
    }

    public double centreY() {
        return rearY + SPEC.centreAheadOfRearAxleM() * Math.sin(yawRad);
    }

    public double yawRad() {
        return yawRad;
    }

    public double speedMps() {
        return speedMps;
    }

    /** Yaw rate, counter-clockwise positive: v / L × tan(front-wheel angle). */
    public double yawRateRadps() {
        return speedMps / SPEC.wheelbaseM() * Math.tan(wheelAngleRad);
    }

    public double wheelAngleRad() {
        return wheelAngleRad;
    }
}

package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;

/** A planar pose in the map's inertial frame (metres, radians counter-clockwise from +x). */
public record Pose(double x, double y, double yawRad) {
    public Pose {
        Require.finite("x", x);
        Require.finite("y", y);
        Require.finite("yawRad", yawRad);
    }

    public double distanceTo(double ox, double oy) {
        return Math.hypot(ox - x, oy - y);
    }
}

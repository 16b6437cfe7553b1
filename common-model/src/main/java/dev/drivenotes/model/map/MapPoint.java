package dev.drivenotes.model.map;

import dev.drivenotes.model.Require;

/** A point in a map's inertial frame, metres. */
public record MapPoint(double x, double y) {
    public MapPoint {
        Require.finite("x", x);
        Require.finite("y", y);
    }
}

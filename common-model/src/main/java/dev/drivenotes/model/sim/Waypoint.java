package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;

/** A route waypoint in the ego frame: x forward, y left, metres. */
public record Waypoint(double x, double y) {
    public Waypoint {
        Require.finite("x", x);
        Require.finite("y", y);
    }
}

package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;

/**
 * The next stop sign that governs the ego's planned path: the distance to its stop line.
 *
 * @param distanceM distance along the planned path to the stop line
 */
public record StopSignAhead(double distanceM) {
    public StopSignAhead {
        Require.nonNegative("distanceM", distanceM);
    }
}

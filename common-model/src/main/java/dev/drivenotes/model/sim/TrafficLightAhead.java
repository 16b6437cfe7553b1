package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;

/** The next traffic light that governs the ego's planned path: its state and the distance to its stop line. */
public record TrafficLightAhead(TrafficLightState state, double distanceM) {
    public TrafficLightAhead {
        Require.notNull("state", state);
        Require.nonNegative("distanceM", distanceM);
    }
}

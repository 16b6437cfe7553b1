package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;

/** The nearest vehicle ahead on the ego's planned path: bumper-to-bumper gap and its speed. */
public record LeadVehicle(double gapM, double speedMps) {
    public LeadVehicle {
        Require.nonNegative("gapM", gapM);
        Require.nonNegative("speedMps", speedMps);
    }
}

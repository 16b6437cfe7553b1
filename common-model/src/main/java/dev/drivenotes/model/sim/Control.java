package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;

/** A vehicle control, CARLA style: steer in [-1, 1] (positive right), throttle and brake in [0, 1]. */
public record Control(double steer, double throttle, double brake) {
    public static final Control IDLE = new Control(0, 0, 0);
    public static final Control FULL_BRAKE = new Control(0, 0, 1);

    public Control {
        Require.inRange("steer", steer, -1, 1);
        Require.inRange("throttle", throttle, 0, 1);
        Require.inRange("brake", brake, 0, 1);
    }

    /** Builds a control, clamping each value into its range (for controllers, never for input). */
    public static Control clamped(double steer, double throttle, double brake) {
        return new Control(clamp(steer, -1, 1), clamp(throttle, 0, 1), clamp(brake, 0, 1));
    }

    private static double clamp(double v, double lo, double hi) {
        return Double.isNaN(v) ? 0 : Math.max(lo, Math.min(hi, v));
    }
}

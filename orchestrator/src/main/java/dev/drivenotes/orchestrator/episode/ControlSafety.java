package dev.drivenotes.orchestrator.episode;

import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.VehicleSpec;
import dev.drivenotes.orchestrator.clients.ProposedDecision;

/**
 * The check every control passes before it is sent to the simulator: each value finite and in
 * range (steer −1..1, throttle and brake 0..1), and steer changing by at most what the vehicle's
 * front wheels can turn in one step ({@link VehicleSpec#wheelAngleRateRadPerS()} × step ÷ {@link
 * VehicleSpec#maxWheelAngleRad()}). A violation is clamped, never passed on: an absent or non-finite
 * steer keeps the previous steer (0 at an episode's first control, which has no rate to keep), an absent or non-finite throttle is 0, an absent or non-finite
 * brake is full brake; out-of-range values go to the nearest bound.
 */
final class ControlSafety {

    private final double maxSteerChangePerStep;

    ControlSafety(VehicleSpec vehicle, double fixedDeltaSeconds) {
        this.maxSteerChangePerStep = vehicle.wheelAngleRateRadPerS() * fixedDeltaSeconds / vehicle.maxWheelAngleRad();
    }

    /**
     * A control to apply.
     *
     * @param clamped whether any value of the proposal had to change
     */
    record Checked(Control control, boolean clamped) {}

    /**
     * The control to apply in place of {@code proposed} (null: nothing proposed) after a control with
     * {@code previousSteer} was applied (null for an episode's first control: no rate to keep).
     */
    Checked check(ProposedDecision.Proposed proposed, Double previousSteer) {
        ProposedDecision.Proposed p = proposed == null ? new ProposedDecision.Proposed(null, null, null) : proposed;
        double steer = Math.clamp(finiteOr(p.steer(), previousSteer == null ? 0 : previousSteer), -1, 1);
        if (previousSteer != null) {
            steer = Math.clamp(steer, previousSteer - maxSteerChangePerStep, previousSteer + maxSteerChangePerStep);
        }
        double throttle = Math.clamp(finiteOr(p.throttle(), 0), 0, 1);
        double brake = Math.clamp(finiteOr(p.brake(), 1), 0, 1);
        boolean clamped = !same(p.steer(), steer) || !same(p.throttle(), throttle) || !same(p.brake(), brake);
        return new Checked(new Control(steer, throttle, brake), clamped);
    }

    private static double finiteOr(Double value, double otherwise) {
        return value != null && Double.isFinite(value) ? value : otherwise;
    }

    private static boolean same(Double proposed, double applied) {
        return proposed != null && proposed == applied;
    }
}

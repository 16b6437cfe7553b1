package dev.drivenotes.carla.runner;

import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.VehicleSpec;
import dev.drivenotes.platform.remote.ProposedDecision;

/**
 * The check every control passes before it is sent to the simulator.
 *
 * <ul>
 *   <li>Each value finite and in range (steer −1..1, throttle and brake 0..1): an absent or
 *       non-finite steer keeps the wheels where they are, an absent or non-finite throttle is 0, an
 *       absent or non-finite brake is full brake, and an out-of-range value goes to the nearest bound.
 *       The result is the decided control, the one the trajectory records.
 *   <li>Steer rate: the front wheels turn at most {@link VehicleSpec#wheelAngleRateRadPerS()} (the
 *       simulator integrates them so), i.e. {@code rate × step ÷ maxWheelAngleRad} in steer units per
 *       step. The check follows the wheels with the same model (straight at the start of an episode,
 *       then where each sent command took them) and sends a steer no further from them than one step
 *       can turn them. The wheels end the step where they would have with the decided steer, so the
 *       drive is the same; the command on the wire never asks for more than the vehicle can do.
 * </ul>
 *
 * Either correction counts as one clamp of the control.
 */
final class ControlSafety {

    private final double maxSteerChangePerStep;

    ControlSafety(VehicleSpec vehicle, double fixedDeltaSeconds) {
        this.maxSteerChangePerStep = vehicle.wheelAngleRateRadPerS() * fixedDeltaSeconds / vehicle.maxWheelAngleRad();
    }

    /**
     * The outcome of one check.
     *
     * @param decided the control in range, as the trajectory records it
     * @param sent the control sent to the simulator (its steer within one step of the wheels)
     * @param clamped whether the proposal was out of range or not finite, or steered faster than the
     *     wheels turn
     */
    record Checked(Control decided, Control sent, boolean clamped) {}

    /**
     * Checks {@code proposed} (null: nothing proposed) with the wheels at {@code wheelSteer} (steer
     * units); the wheels then stand at {@code sent().steer()}.
     */
    Checked check(ProposedDecision.Proposed proposed, double wheelSteer) {
        ProposedDecision.Proposed p = proposed == null ? new ProposedDecision.Proposed(null, null, null) : proposed;
        double steer = Math.clamp(finiteOr(p.steer(), wheelSteer), -1, 1);
        double throttle = Math.clamp(finiteOr(p.throttle(), 0), 0, 1);
        double brake = Math.clamp(finiteOr(p.brake(), 1), 0, 1);
        Control decided = new Control(steer, throttle, brake);
        double reachable = reachable(steer, wheelSteer);
        boolean clamped = !same(p.steer(), steer)
                || !same(p.throttle(), throttle)
                || !same(p.brake(), brake)
                || reachable != steer;
        return new Checked(decided, new Control(Math.clamp(reachable, -1, 1), throttle, brake), clamped);
    }

    /**
     * {@code checked} with another steer sent in place of the decided one ({@code steer}, e.g. a
     * missed turn on purpose), the wheels at {@code wheelSteer} turning towards it at their rate: the
     * decided control (what the trajectory records) and the clamp count stay the policy's.
     */
    Checked override(Checked checked, double steer, double wheelSteer) {
        double reachable = reachable(Math.clamp(steer, -1, 1), wheelSteer);
        Control sent = checked.sent();
        return new Checked(
                checked.decided(),
                new Control(Math.clamp(reachable, -1, 1), sent.throttle(), sent.brake()),
                checked.clamped());
    }

    /** The steer nearest {@code steer} that the wheels at {@code wheelSteer} reach within one step. */
    private double reachable(double steer, double wheelSteer) {
        return Math.clamp(steer, wheelSteer - maxSteerChangePerStep, wheelSteer + maxSteerChangePerStep);
    }

    private static double finiteOr(Double value, double otherwise) {
        return value != null && Double.isFinite(value) ? value : otherwise;
    }

    private static boolean same(Double proposed, double applied) {
        return proposed != null && proposed == applied;
    }
}

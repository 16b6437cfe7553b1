package dev.drivenotes.platform.remote;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;

/**
 * A policy's decision as it answered it, its control not yet checked: the runner makes the
 * control safe ({@code ControlSafety}) before anything is sent to the simulator.
 *
 * @param control the control as proposed (any number, or null)
 * @param maneuver the maneuver the agent declares
 * @param confidence the agent's confidence, 0..1
 * @param targetPoi the POI the agent says it heads to
 * @param carry opaque policy state, or null
 */
public record ProposedDecision(Proposed control, Maneuver maneuver, double confidence, String targetPoi, String carry) {

    /**
     * A control as a policy answered it: the numbers may be out of range, infinite or absent.
     *
     * @param steer wanted steer, valid in -1..1
     * @param throttle wanted throttle, valid in 0..1
     * @param brake wanted brake, valid in 0..1
     */
    public record Proposed(Double steer, Double throttle, Double brake) {}

    /** The decision with the control that will be applied (validated like every decision). */
    public Decision with(Control applied) {
        return new Decision(applied, maneuver, confidence, targetPoi, carry);
    }
}

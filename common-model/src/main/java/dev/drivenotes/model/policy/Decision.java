package dev.drivenotes.model.policy;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;

/**
 * One prediction of a policy.
 *
 * @param control the control to apply
 * @param maneuver the maneuver the agent declares it is executing
 * @param confidence the agent's confidence in this decision, 0..1
 * @param targetPoi the POI the agent says it is heading to
 * @param carry optional opaque policy state (base64) to send back with the next instance of the
 *     session; null for stateless policies
 */
public record Decision(Control control, Maneuver maneuver, double confidence, String targetPoi, String carry) {
    public Decision {
        Require.notNull("control", control);
        Require.notNull("maneuver", maneuver);
        Require.inRange("confidence", confidence, 0, 1);
        Require.notBlank("targetPoi", targetPoi);
    }
}

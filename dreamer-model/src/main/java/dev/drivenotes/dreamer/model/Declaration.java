package dev.drivenotes.dreamer.model;

import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;

/**
 * The maneuver the learned agent declares, from the route and its chosen action: {@code stop}
 * near the destination or when it brakes to a standstill, the route's next maneuver when it is
 * close (or inside the junction), else {@code follow_lane} — the autopilot's rule.
 */
public final class Declaration {

    static final double STOP_DECLARATION_M = 20;
    static final double MANEUVER_DECLARATION_M = 12;

    private Declaration() {}

    public static Maneuver declare(Observation o, int action) {
        if (o.distanceToGoM() < STOP_DECLARATION_M) {
            return Maneuver.STOP;
        }
        if (o.speedMps() < 0.5 && DrivingActions.accelerationMps2(action) < 0) {
            return Maneuver.STOP;
        }
        if (o.distanceToManeuverM() < MANEUVER_DECLARATION_M) {
            return o.nextManeuver();
        }
        return Maneuver.FOLLOW_LANE;
    }
}

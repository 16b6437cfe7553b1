package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;
import java.util.List;

/**
 * What the agent sees at one step. Positions come from a noisy GNSS; route information comes from
 * the navigation system (the planned route), never from ground truth.
 *
 * @param speedMps ego speed
 * @param gnssX noisy position, map frame
 * @param gnssY noisy position, map frame
 * @param compassRad heading, map frame, counter-clockwise from +x
 * @param routeWaypoints next K route waypoints in the ego frame (x forward, y left)
 * @param nextManeuver the next maneuver on the planned route
 * @param distanceToManeuverM distance along the route to where that maneuver starts
 * @param nextPoi the next point of interest on the planned route (the destination at the end)
 * @param distanceToGoM remaining route length to the destination
 * @param speedLimitMps speed limit of the current lane
 */
public record Observation(
        double speedMps,
        double gnssX,
        double gnssY,
        double compassRad,
        List<Waypoint> routeWaypoints,
        Maneuver nextManeuver,
        double distanceToManeuverM,
        String nextPoi,
        double distanceToGoM,
        double speedLimitMps) {
    public Observation {
        Require.nonNegative("speedMps", speedMps);
        Require.finite("gnssX", gnssX);
        Require.finite("gnssY", gnssY);
        Require.finite("compassRad", compassRad);
        routeWaypoints = List.copyOf(Require.noNullElements("routeWaypoints", routeWaypoints));
        Require.notNull("nextManeuver", nextManeuver);
        Require.nonNegative("distanceToManeuverM", distanceToManeuverM);
        Require.notBlank("nextPoi", nextPoi);
        Require.nonNegative("distanceToGoM", distanceToGoM);
        Require.positive("speedLimitMps", speedLimitMps);
    }
}

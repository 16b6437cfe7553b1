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
 * @param gnssDropout the receiver had no fix this step: {@code gnssX, gnssY} repeat its last fix
 * @param compassRad heading, map frame, counter-clockwise from +x
 * @param routeWaypoints next K route waypoints in the ego frame (x forward, y left), at most {@link
 *     #MAX_ROUTE_WAYPOINTS}
 * @param nextManeuver the next maneuver on the planned route
 * @param distanceToManeuverM distance along the route to where that maneuver starts
 * @param nextPoi the next point of interest on the planned route (the destination at the end), at
 *     most {@link RouteSpec#MAX_PLACE_CHARS} characters
 * @param distanceToGoM remaining route length to the destination
 * @param speedLimitMps speed limit of the current lane
 * @param yawRateRadps yaw rate, counter-clockwise positive
 * @param lead the nearest vehicle ahead on the planned path, or null when none within sensor range
 * @param trafficLight the next traffic light governing the planned path, or null when none ahead
 * @param stopSign the next stop sign governing the planned path, or null when none ahead
 * @param birdEye optional bird's-eye raster, null unless requested
 * @param replanned the navigation planned a new route to the destination at this step, the ego having
 *     left the old one: route fields from here on describe the new plan (false in trajectories
 *     recorded before replanning existed)
 */
public record Observation(
        double speedMps,
        double gnssX,
        double gnssY,
        boolean gnssDropout,
        double compassRad,
        List<Waypoint> routeWaypoints,
        Maneuver nextManeuver,
        double distanceToManeuverM,
        String nextPoi,
        double distanceToGoM,
        double speedLimitMps,
        double yawRateRadps,
        LeadVehicle lead,
        TrafficLightAhead trafficLight,
        StopSignAhead stopSign,
        BirdEyeRaster birdEye,
        boolean replanned) {

    public static final int MAX_ROUTE_WAYPOINTS = 100;

    public Observation {
        Require.nonNegative("speedMps", speedMps);
        Require.finite("gnssX", gnssX);
        Require.finite("gnssY", gnssY);
        Require.finite("compassRad", compassRad);
        routeWaypoints = List.copyOf(Require.noNullElements(
                "routeWaypoints", Require.maxSize("routeWaypoints", routeWaypoints, MAX_ROUTE_WAYPOINTS)));
        Require.notNull("nextManeuver", nextManeuver);
        Require.nonNegative("distanceToManeuverM", distanceToManeuverM);
        Require.notBlank("nextPoi", nextPoi, RouteSpec.MAX_PLACE_CHARS);
        Require.nonNegative("distanceToGoM", distanceToGoM);
        Require.positive("speedLimitMps", speedLimitMps);
        Require.finite("yawRateRadps", yawRateRadps);
    }

    /** This observation without its bird's-eye raster (e.g. for stored trajectories: 12 KB+ a step). */
    public Observation withoutBirdEye() {
        return birdEye == null
                ? this
                : new Observation(
                        speedMps,
                        gnssX,
                        gnssY,
                        gnssDropout,
                        compassRad,
                        routeWaypoints,
                        nextManeuver,
                        distanceToManeuverM,
                        nextPoi,
                        distanceToGoM,
                        speedLimitMps,
                        yawRateRadps,
                        lead,
                        trafficLight,
                        stopSign,
                        null,
                        replanned);
    }
}

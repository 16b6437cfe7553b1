package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;
import java.util.List;

/**
 * The simulator's truth at one step.
 *
 * @param pose true pose
 * @param speedMps true speed
 * @param roadId OpenDRIVE road id the ego is on (a connecting road inside a junction too)
 * @param laneId OpenDRIVE lane id (negative right of the reference line)
 * @param junctionId junction id when inside a junction, otherwise null
 * @param place the named place at the true position (junction, POI or road name)
 * @param routeCompletion share of the planned route driven, 0..1
 * @param collision a collision happened during this step
 * @param offRoad the ego is off every drivable lane
 * @param laneInvasion the ego crossed a lane marking it must not cross during this step
 * @param collisionWith what the ego hit during this step: {@code vehicle}, {@code pedestrian} or
 *     {@code static} (anything else, as the CARLA leaderboard counts it); null without a collision
 * @param redLightRun the ego crossed a stop line while its light was red during this step
 * @param routeDeviation the ego is off its planned route (on a lane the route does not use)
 * @param stopSignRun the ego crossed a stop sign's stop line during this step without having come
 *     to a stop before it
 * @param junctionExits inside a junction, the maneuvers its lanes allow from the lane the ego entered
 *     it by (the junction's exits from that approach); null outside junctions, and where unknown (states
 *     recorded before it existed, an ego that entered the junction off the lanes)
 */
public record GroundTruth(
        Pose pose,
        double speedMps,
        String roadId,
        int laneId,
        String junctionId,
        String place,
        double routeCompletion,
        boolean collision,
        boolean offRoad,
        boolean laneInvasion,
        String collisionWith,
        boolean redLightRun,
        boolean routeDeviation,
        boolean stopSignRun,
        List<Maneuver> junctionExits) {
    public GroundTruth {
        Require.notNull("pose", pose);
        Require.nonNegative("speedMps", speedMps);
        Require.notBlank("place", place);
        Require.inRange("routeCompletion", routeCompletion, 0, 1);
        if (collision && collisionWith == null) {
            collisionWith = "unknown";
        }
        junctionExits = junctionExits == null
                ? null
                : List.copyOf(Require.noNullElements(
                        "junctionExits", Require.maxSize("junctionExits", junctionExits, Maneuver.values().length)));
    }

    public boolean inJunction() {
        return junctionId != null;
    }
}

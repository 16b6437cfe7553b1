package dev.drivenotes.reporter.note;

import dev.drivenotes.model.Require;

/**
 * How well a set of episodes drove. Means over episodes; 0 for an empty set.
 *
 * @param episodes episodes scored
 * @param routeCompletion mean share of the route driven, 0..1
 * @param collisions collisions, summed
 * @param laneInvasions lane invasions, summed
 * @param offRoadCount episodes that left the road
 * @param meanSpeedMps mean of the episodes' mean speeds
 * @param drivingScore mean CARLA-leaderboard driving score, 0..1
 */
public record DrivingMetrics(
        int episodes,
        double routeCompletion,
        int collisions,
        int laneInvasions,
        int offRoadCount,
        double meanSpeedMps,
        double drivingScore) {
    public DrivingMetrics {
        Require.inRange("episodes", episodes, 0, Integer.MAX_VALUE);
        Require.inRange("routeCompletion", routeCompletion, 0, 1);
        Require.inRange("collisions", collisions, 0, Integer.MAX_VALUE);
        Require.inRange("laneInvasions", laneInvasions, 0, Integer.MAX_VALUE);
        Require.inRange("offRoadCount", offRoadCount, 0, episodes);
        Require.nonNegative("meanSpeedMps", meanSpeedMps);
        Require.inRange("drivingScore", drivingScore, 0, 1);
    }
}

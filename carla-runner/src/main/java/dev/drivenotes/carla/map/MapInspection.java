package dev.drivenotes.carla.map;

import dev.drivenotes.carla.map.geometry.Geometry;
import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.opendrive.Road;
import dev.drivenotes.carla.map.opendrive.Signal;
import java.util.List;

/**
 * Consistency figures of a loaded map (what {@code drivenotes map inspect} prints).
 *
 * @param drivingLanes driving lanes counted per lane section (the lane graph's nodes)
 * @param maxPlanViewGapM largest distance between the end of a planView record, as evaluated by
 *     our geometry code, and the start of the next record of the same road
 * @param maxHeadingGapRad the same for heading (wrapped to [0, π])
 * @param unresolvedLinks links naming a road, junction, lane or signal the file does not have
 */
public record MapInspection(
        int roads,
        int junctions,
        int drivingLanes,
        double totalRoadLengthM,
        double maxPlanViewGapM,
        double maxHeadingGapRad,
        int unresolvedLinks,
        int signals,
        int trafficLights,
        int stopSigns,
        int laneChangeEdges) {

    public static MapInspection of(OpenDriveMap map, LaneGraph graph) {
        double maxGap = 0;
        double maxHeading = 0;
        double[] end = new double[3];
        for (Road road : map.roads().values()) {
            List<Geometry> gs = road.geometries();
            for (int i = 0; i + 1 < gs.size(); i++) {
                Geometry g = gs.get(i);
                Geometry next = gs.get(i + 1);
                g.evaluate(g.length(), end);
                maxGap = Math.max(maxGap, Math.hypot(next.x() - end[0], next.y() - end[1]));
                maxHeading = Math.max(maxHeading, Math.abs(wrap(next.hdg() - end[2])));
            }
        }
        int lights = 0;
        int stops = 0;
        for (Signal s : map.signals().values()) {
            lights += s.trafficLight() ? 1 : 0;
            stops += s.stopSign() ? 1 : 0;
        }
        int changes = 0;
        for (int i = 0; i < graph.size(); i++) {
            changes += (graph.leftChange(i) >= 0 ? 1 : 0) + (graph.rightChange(i) >= 0 ? 1 : 0);
        }
        return new MapInspection(
                map.roads().size(),
                map.junctions().size(),
                graph.size(),
                map.totalRoadLengthM(),
                maxGap,
                maxHeading,
                LinkCheck.unresolved(map),
                map.signals().size(),
                lights,
                stops,
                changes);
    }

    static double wrap(double rad) {
        return Math.atan2(Math.sin(rad), Math.cos(rad));
    }
}

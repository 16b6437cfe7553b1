package dev.drivenotes.carla.sim.carla;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.opendrive.Road;

/**
 * The road surface's height under a point of a lane, from the road's OpenDRIVE elevation profile:
 * what CARLA's z is there (LibCarla keeps OpenDRIVE's z as is). A lane node runs along its section
 * of the road, against the road's s for left lanes (positive ids).
 */
final class RoadHeights {

    private final LoadedMap map;

    RoadHeights(LoadedMap map) {
        this.map = map;
    }

    /** Metres; 0 when the lane's road is unknown. */
    double zM(int laneNode, double alongM) {
        LaneNode lane = map.graph().node(laneNode);
        Road road = map.openDrive().roads().get(lane.roadId());
        if (road == null) {
            return 0;
        }
        double start = road.sections().get(lane.sectionIndex()).s();
        double length = road.sectionEnd(lane.sectionIndex()) - start;
        double fraction = lane.lengthM() > 0 ? Math.max(0, Math.min(1, alongM / lane.lengthM())) : 0;
        double s = start + (lane.laneId() < 0 ? fraction : 1 - fraction) * length;
        return road.elevationAt(s);
    }
}

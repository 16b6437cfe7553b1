package dev.drivenotes.carla.map;

import dev.drivenotes.carla.map.opendrive.ContactPoint;
import dev.drivenotes.carla.map.opendrive.Controller;
import dev.drivenotes.carla.map.opendrive.Junction;
import dev.drivenotes.carla.map.opendrive.Lane;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.opendrive.Road;
import dev.drivenotes.carla.map.opendrive.RoadLink;
import dev.drivenotes.carla.map.opendrive.SignalReference;

/** Counts links of a parsed map that name something the map does not have. */
final class LinkCheck {

    private LinkCheck() {}

    static int unresolved(OpenDriveMap map) {
        int bad = 0;
        for (Road road : map.roads().values()) {
            if (road.junctionId() != null && !map.junctions().containsKey(road.junctionId())) {
                bad++;
            }
            bad += roadLink(map, road.predecessor()) + roadLink(map, road.successor());
            bad += laneLinks(map, road);
        }
        for (Junction j : map.junctions().values()) {
            for (Junction.Connection c : j.connections()) {
                Road in = map.roads().get(c.incomingRoad());
                Road conn = map.roads().get(c.connectingRoad());
                bad += (in == null ? 1 : 0) + (conn == null ? 1 : 0);
                for (int[] ll : c.laneLinks()) {
                    if (in != null && !hasLaneAnywhereAtEnds(in, ll[0])) {
                        bad++;
                    }
                    if (conn != null && lane(conn, c.contactPoint(), ll[1]) == null) {
                        bad++;
                    }
                }
            }
            for (String cid : j.controllerIds()) {
                bad += map.controllers().containsKey(cid) ? 0 : 1;
            }
        }
        for (SignalReference ref : map.signalReferences()) {
            bad += map.signals().containsKey(ref.signalId()) ? 0 : 1;
        }
        for (Controller c : map.controllers().values()) {
            for (String id : c.signalIds()) {
                bad += map.signals().containsKey(id) ? 0 : 1;
            }
        }
        return bad;
    }

    private static int roadLink(OpenDriveMap map, RoadLink link) {
        if (link == null) {
            return 0;
        }
        boolean ok = link.elementType() == RoadLink.ElementType.ROAD
                ? map.roads().containsKey(link.elementId())
                : map.junctions().containsKey(link.elementId());
        return ok ? 0 : 1;
    }

    /** Lane predecessor/successor ids: into the neighbouring section, or into the linked road's touching section. */
    private static int laneLinks(OpenDriveMap map, Road road) {
        int bad = 0;
        int n = road.sections().size();
        for (int si = 0; si < n; si++) {
            for (Lane lane : road.sections().get(si).sideLanes()) {
                if (lane.predecessor() != null) {
                    bad += linkedLane(map, road, si - 1, road.predecessor(), lane.predecessor()) ? 0 : 1;
                }
                if (lane.successor() != null) {
                    bad += linkedLane(map, road, si + 1, road.successor(), lane.successor()) ? 0 : 1;
                }
            }
        }
        return bad;
    }

    private static boolean linkedLane(OpenDriveMap map, Road road, int si, RoadLink roadLink, int laneId) {
        if (laneId == 0) {
            return true; // lane 0 is the centre lane: writers use it for "no link"
        }
        if (si >= 0 && si < road.sections().size()) {
            return road.sections().get(si).lane(laneId) != null;
        }
        if (roadLink == null || roadLink.elementType() == RoadLink.ElementType.JUNCTION) {
            return true; // lane links into a junction are given by its connections
        }
        Road other = map.roads().get(roadLink.elementId());
        if (other == null) {
            return true; // already counted as an unresolved road link
        }
        if (roadLink.contactPoint() != null) {
            return lane(other, roadLink.contactPoint(), laneId) != null;
        }
        return hasLaneAnywhereAtEnds(other, laneId);
    }

    private static Lane lane(Road road, ContactPoint contact, int laneId) {
        int si = contact == ContactPoint.END ? road.sections().size() - 1 : 0;
        return road.sections().get(si).lane(laneId);
    }

    private static boolean hasLaneAnywhereAtEnds(Road road, int laneId) {
        return lane(road, ContactPoint.START, laneId) != null || lane(road, ContactPoint.END, laneId) != null;
    }
}

package dev.drivenotes.carla.map.lanes;

import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.opendrive.ContactPoint;
import dev.drivenotes.carla.map.opendrive.Junction;
import dev.drivenotes.carla.map.opendrive.Lane;
import dev.drivenotes.carla.map.opendrive.LaneSection;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.opendrive.Road;
import dev.drivenotes.carla.map.opendrive.RoadLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link LaneGraph} of a map: samples every driving lane's centre line once, then links
 * lane ends through lane-section order, road links and junction connections. Right lanes (negative
 * ids) drive along increasing s, left lanes against it; an edge is kept only when the target lane
 * drives away from the contact point and its start lies within {@link #MAX_GAP_M} of the source end.
 */
public final class LaneGraphBuilder {

    /** Default speed limit for roads that declare none: 30 km/h. */
    public static final double DEFAULT_SPEED_LIMIT_MPS = 30 / 3.6;

    static final double SAMPLE_STEP_M = 1.0;
    private static final double MAX_GAP_M = 2.5;

    private final OpenDriveMap map;
    private final List<LaneNode> nodes = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();

    private LaneGraphBuilder(OpenDriveMap map) {
        this.map = map;
    }

    public static LaneGraph build(OpenDriveMap map) {
        return new LaneGraphBuilder(map).run();
    }

    private LaneGraph run() {
        for (Road road : map.roads().values()) {
            for (int si = 0; si < road.sections().size(); si++) {
                for (Lane lane : road.sections().get(si).sideLanes()) {
                    if (lane.driving()) {
                        addNode(road, si, lane.id());
                    }
                }
            }
        }
        int[][] successors = new int[nodes.size()][];
        for (LaneNode node : nodes) {
            Set<Integer> targets = new LinkedHashSet<>();
            Road road = map.roads().get(node.roadId());
            collectSuccessors(road, node, targets);
            targets.removeIf(t -> !connects(node, nodes.get(t)));
            successors[node.index()] =
                    targets.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] left = new int[nodes.size()];
        int[] right = new int[nodes.size()];
        for (LaneNode node : nodes) {
            int id = node.laneId();
            int towardsCentre = id < 0 ? id + 1 : id - 1;
            int outwards = id < 0 ? id - 1 : id + 1;
            left[node.index()] = laneChange(node, towardsCentre);
            right[node.index()] = laneChange(node, outwards);
        }
        return new LaneGraph(nodes, successors, left, right);
    }

    /** The node of lane {@code toLaneId} in the same section when it may be entered from {@code from}, or -1. */
    private int laneChange(LaneNode from, int toLaneId) {
        if (toLaneId == 0) {
            return -1;
        }
        Integer target = byKey.get(key(from.roadId(), from.sectionIndex(), toLaneId));
        if (target == null) {
            return -1;
        }
        Road road = map.roads().get(from.roadId());
        LaneSection section = road.sections().get(from.sectionIndex());
        double span = road.sectionEnd(from.sectionIndex()) - section.s();
        for (double ds = 0; ds <= span; ds += SAMPLE_STEP_M) {
            if (section.crossingAllowed(from.laneId(), toLaneId, ds)) {
                return target;
            }
        }
        return -1;
    }

    private void addNode(Road road, int si, int laneId) {
        double s0 = road.sections().get(si).s();
        double s1 = Math.min(road.length(), road.sectionEnd(si));
        if (s1 - s0 < 1e-3) {
            return;
        }
        int n = Math.max(2, (int) Math.ceil((s1 - s0) / SAMPLE_STEP_M) + 1);
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] half = new double[n];
        double[] pose = new double[3];
        double[] edges = new double[2];
        for (int i = 0; i < n; i++) {
            double s = s0 + (s1 - s0) * i / (n - 1);
            road.referencePose(s, pose);
            road.laneEdges(si, laneId, s, edges);
            double t = (edges[0] + edges[1]) / 2;
            int k = laneId < 0 ? i : n - 1 - i;
            xs[k] = pose[0] - t * Math.sin(pose[2]);
            ys[k] = pose[1] + t * Math.cos(pose[2]);
            half[k] = Math.abs(edges[1] - edges[0]) / 2;
        }
        double speed = road.speedLimitAt(s0, DEFAULT_SPEED_LIMIT_MPS);
        int index = nodes.size();
        nodes.add(new LaneNode(index, road.id(), si, laneId, road.junctionId(), speed, new Polyline(xs, ys), half));
        byKey.put(key(road.id(), si, laneId), index);
    }

    private void collectSuccessors(Road road, LaneNode node, Set<Integer> out) {
        boolean forward = node.laneId() < 0;
        int si = node.sectionIndex();
        Lane lane = road.sections().get(si).lane(node.laneId());
        Integer linked = forward ? lane.successor() : lane.predecessor();
        int next = forward ? si + 1 : si - 1;
        if (next >= 0 && next < road.sections().size()) {
            add(out, road.id(), next, linked != null ? linked : node.laneId(), node);
            return;
        }
        RoadLink link = forward ? road.successor() : road.predecessor();
        if (link == null) {
            return;
        }
        if (link.elementType() == RoadLink.ElementType.ROAD) {
            Road target = map.roads().get(link.elementId());
            if (target != null) {
                enterRoad(target, contactOf(link, target, node), linked, node, out);
            }
            return;
        }
        Junction junction = map.junctions().get(link.elementId());
        if (junction == null) {
            return;
        }
        for (Junction.Connection c : junction.connections()) {
            Road connecting = map.roads().get(c.connectingRoad());
            if (!c.incomingRoad().equals(road.id()) || connecting == null) {
                continue;
            }
            if (c.laneLinks().isEmpty()) {
                enterRoad(connecting, c.contactPoint(), null, node, out);
            }
            for (int[] ll : c.laneLinks()) {
                if (ll[0] == node.laneId()) {
                    enterRoad(connecting, c.contactPoint(), ll[1], node, out);
                }
            }
        }
    }

    /** Adds the lane of {@code target} entered at {@code contact}; by geometry when no lane id is given. */
    private void enterRoad(Road target, ContactPoint contact, Integer laneId, LaneNode from, Set<Integer> out) {
        int si = contact == ContactPoint.START ? 0 : target.sections().size() - 1;
        if (laneId != null) {
            add(out, target.id(), si, laneId, from);
            return;
        }
        for (Lane lane : target.sections().get(si).sideLanes()) {
            boolean drivesAway = contact == ContactPoint.START ? lane.id() < 0 : lane.id() > 0;
            Integer idx = byKey.get(key(target.id(), si, lane.id()));
            if (drivesAway && idx != null && gap(from, nodes.get(idx)) < 0.5) {
                out.add(idx);
            }
        }
    }

    private ContactPoint contactOf(RoadLink link, Road target, LaneNode from) {
        if (link.contactPoint() != null) {
            return link.contactPoint();
        }
        Polyline line = from.polyline();
        double endX = line.x(line.pointCount() - 1);
        double endY = line.y(line.pointCount() - 1);
        double[] p = new double[3];
        target.referencePose(0, p);
        double dStart = Math.hypot(p[0] - endX, p[1] - endY);
        target.referencePose(target.length(), p);
        double dEnd = Math.hypot(p[0] - endX, p[1] - endY);
        return dStart <= dEnd ? ContactPoint.START : ContactPoint.END;
    }

    private void add(Set<Integer> out, String roadId, int si, int laneId, LaneNode from) {
        Integer idx = byKey.get(key(roadId, si, laneId));
        if (idx != null && idx != from.index()) {
            out.add(idx);
        }
    }

    private static boolean connects(LaneNode from, LaneNode to) {
        return gap(from, to) <= MAX_GAP_M;
    }

    private static double gap(LaneNode from, LaneNode to) {
        Polyline a = from.polyline();
        Polyline b = to.polyline();
        int last = a.pointCount() - 1;
        return Math.hypot(b.x(0) - a.x(last), b.y(0) - a.y(last));
    }

    private static String key(String roadId, int section, int laneId) {
        return roadId + '/' + section + '/' + laneId;
    }
}

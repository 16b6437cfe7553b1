package dev.drivenotes.carla.traffic;

import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.opendrive.Road;
import dev.drivenotes.carla.map.opendrive.SignalPlacement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where stop signs make traffic stop: the stop lines of every lane, as distances along it. Each
 * stop-sign placement (the sign at its own road position and each {@code <signalReference>} to it)
 * governs the lanes it applies to (validity records, else orientation), as traffic lights do; its
 * stop line on such a lane is
 *
 * <ul>
 *   <li>on a junction's connecting road: the junction entry, kept as the end of the lane it is
 *       entered from (the start of the connecting lane when there is none);
 *   <li>on an ordinary road, on the half next to the junction the lane drives into: that junction's
 *       entry (the end of the lane), like a light there;
 *   <li>anywhere else: the sign's s (proportionally along the lane's lane-section node).
 * </ul>
 *
 * So a sign on the incoming road and its references on the connecting roads (as CARLA's maps place
 * them) make one line per lane.
 *
 * Built once per map with the {@link TrafficNetwork}. Junctions with a stop line at their entry
 * get no generated traffic lights ({@link SignalPlan}).
 */
public final class StopLines {

    /**
     * A vehicle has stopped below this speed: the CARLA leaderboard's {@code RunningStopTest} uses
     * {@code SPEED_THRESHOLD = 0.1} m/s.
     */
    public static final double STOPPED_MPS = 0.1;

    /**
     * A stop counts for a stop line when the front bumper is at most this far before it: the CARLA
     * leaderboard's {@code RunningStopTest} looks for the stop's trigger volume from the vehicle and
     * waypoints up to {@code PROXIMITY_THRESHOLD = 4} m ahead of it.
     */
    public static final double STOP_ZONE_M = 4.0;

    /** Stop lines of one lane closer than this are one. */
    private static final double SAME_LINE_M = 0.1;

    private static final double[] NONE = {};

    /** One stop line: {@code alongM} metres along lane node {@code lane}, from stop sign {@code signalId}. */
    public record StopLine(int lane, double alongM, String signalId) {}

    /** Per lane: the distances of its stop lines along it, ascending (shared empty array when none). */
    final double[][] alongByLane;

    private final List<StopLine> lines;
    private final Set<String> junctions;

    private StopLines(double[][] alongByLane, List<StopLine> lines, Set<String> junctions) {
        this.alongByLane = alongByLane;
        this.lines = List.copyOf(lines);
        this.junctions = Set.copyOf(junctions);
    }

    static StopLines find(TrafficNetwork net) {
        OpenDriveMap od = net.map.openDrive();
        LaneGraph graph = net.graph;
        Map<String, List<LaneNode>> nodesByRoad = new HashMap<>();
        for (LaneNode n : graph.nodes()) {
            nodesByRoad.computeIfAbsent(n.roadId(), k -> new ArrayList<>()).add(n);
        }
        List<StopLine> lines = new ArrayList<>();
        Set<String> junctions = new LinkedHashSet<>();
        for (SignalPlacement p : od.signalPlacements()) {
            Road road = od.roads().get(p.roadId());
            if (!p.signal().stopSign() || road == null) {
                continue;
            }
            for (LaneNode n : nodesByRoad.getOrDefault(road.id(), List.of())) {
                if (!p.appliesTo(n.laneId())) {
                    continue;
                }
                boolean forward = n.laneId() < 0;
                int lastSection = road.sections().size() - 1;
                String ahead = od.junctionAhead(p, n.laneId());
                String id = p.signal().id();
                if (road.inJunction()) {
                    if (n.sectionIndex() == (forward ? 0 : lastSection)) {
                        int from = net.entryFrom[n.index()];
                        lines.add(
                                from >= 0 ? new StopLine(from, net.lengthM[from], id) : new StopLine(n.index(), 0, id));
                        junctions.add(road.junctionId());
                    }
                } else if (ahead != null) {
                    if (n.sectionIndex() == (forward ? lastSection : 0)) {
                        lines.add(new StopLine(n.index(), n.lengthM(), id));
                        junctions.add(ahead);
                    }
                } else if (n.sectionIndex() == road.sectionIndexAt(p.s())) {
                    lines.add(new StopLine(n.index(), alongAt(road, n, p.s()), id));
                }
            }
        }
        return new StopLines(byLane(graph.size(), lines), lines, junctions);
    }

    /** Distance along lane node {@code n} of road position {@code s}, proportional within its section. */
    private static double alongAt(Road road, LaneNode n, double s) {
        double s0 = road.sections().get(n.sectionIndex()).s();
        double s1 = Math.min(road.length(), road.sectionEnd(n.sectionIndex()));
        double share = Math.clamp((s - s0) / Math.max(1e-9, s1 - s0), 0, 1);
        return (n.laneId() < 0 ? share : 1 - share) * n.lengthM();
    }

    private static double[][] byLane(int size, List<StopLine> lines) {
        double[][] out = new double[size][];
        Arrays.fill(out, NONE);
        for (StopLine line : lines) {
            double[] old = out[line.lane()];
            boolean known = false;
            for (double a : old) {
                known |= Math.abs(a - line.alongM()) < SAME_LINE_M;
            }
            if (!known) {
                double[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = line.alongM();
                Arrays.sort(grown);
                out[line.lane()] = grown;
            }
        }
        return out;
    }

    /** Every stop line found, one per placement and lane (a lane may hold the same line twice). */
    public List<StopLine> lines() {
        return lines;
    }

    /** The distances of lane {@code lane}'s stop lines along it, ascending; a copy. */
    public double[] alongM(int lane) {
        return alongByLane[lane].clone();
    }

    /** Whether stop signs govern an entry of junction {@code junctionId}. */
    public boolean controls(String junctionId) {
        return junctions.contains(junctionId);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}

package dev.drivenotes.carla.traffic;

import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.opendrive.Controller;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.opendrive.SignalPlacement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which traffic light governs each junction entry and in which phase it is green. A junction with
 * traffic lights in the map uses them: one phase per traffic-light group (controller), as CARLA
 * cycles them. Lights are generated for every other junction entered from at least {@link
 * #MIN_INCOMING_ROADS} roads, unless stop signs govern it ({@link StopLines#controls}): one light per
 * incoming road; opposite approaches (headings within 45° of antiparallel) share a phase; phases
 * follow each other in incoming-road order.
 */
public final class SignalPlan {

    static final int MIN_INCOMING_ROADS = 3;
    private static final double OPPOSITE_COS = -Math.cos(Math.toRadians(45));

    /** Per lane: index of the signalised junction when it is a signalised junction entry, else -1. */
    private final int[] junctionOf;
    /** Per lane: its phase within that junction's cycle. */
    private final int[] phaseOf;

    private final int[] phaseCount;
    private final int fromMapCount;

    private SignalPlan(int[] junctionOf, int[] phaseOf, int[] phaseCount, int fromMapCount) {
        this.junctionOf = junctionOf;
        this.phaseOf = phaseOf;
        this.phaseCount = phaseCount;
        this.fromMapCount = fromMapCount;
    }

    static SignalPlan generate(TrafficNetwork net) {
        int[] junctionOf = new int[net.size];
        int[] phaseOf = new int[net.size];
        Arrays.fill(junctionOf, -1);
        Map<String, List<Integer>> entriesByJunction = new LinkedHashMap<>();
        for (int i = 0; i < net.size; i++) {
            if (net.inJunction[i] && net.entryFrom[i] >= 0) {
                entriesByJunction
                        .computeIfAbsent(net.graph.node(i).junctionId(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        List<Integer> phaseCounts = new ArrayList<>();
        int fromMap = 0;
        for (var junctionEntries : entriesByJunction.entrySet()) {
            List<Integer> entries = junctionEntries.getValue();
            List<Controller> groups = net.map.openDrive().trafficLightGroups(junctionEntries.getKey());
            if (!groups.isEmpty()) {
                fromMap(net, entries, groups, phaseCounts.size(), junctionOf, phaseOf);
                phaseCounts.add(groups.size());
                fromMap++;
                continue;
            }
            Map<String, Double> headingByRoad = new LinkedHashMap<>();
            for (int e : entries) {
                LaneNode from = net.graph.node(net.entryFrom[e]);
                headingByRoad.putIfAbsent(from.roadId(), from.exitHeadingRad());
            }
            if (headingByRoad.size() < MIN_INCOMING_ROADS || net.stopLines.controls(junctionEntries.getKey())) {
                continue;
            }
            Map<String, Integer> phaseByRoad = phases(headingByRoad);
            int junction = phaseCounts.size();
            phaseCounts.add((int) phaseByRoad.values().stream().distinct().count());
            for (int e : entries) {
                junctionOf[e] = junction;
                phaseOf[e] = phaseByRoad.get(net.graph.node(net.entryFrom[e]).roadId());
            }
        }
        return new SignalPlan(
                junctionOf,
                phaseOf,
                phaseCounts.stream().mapToInt(Integer::intValue).toArray(),
                fromMap);
    }

    /**
     * Lights from the map: each controller (traffic-light group) is one phase, in the junction's
     * order; an entry obeys the group of a light placed on its connecting lane or on the lane it
     * comes from. Entries no light applies to stay unsignalised.
     */
    private static void fromMap(
            TrafficNetwork net,
            List<Integer> entries,
            List<Controller> groups,
            int junction,
            int[] junctionOf,
            int[] phaseOf) {
        Map<String, Integer> groupOfSignal = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String id : groups.get(g).signalIds()) {
                groupOfSignal.putIfAbsent(id, g);
            }
        }
        OpenDriveMap od = net.map.openDrive();
        for (int e : entries) {
            LaneNode lane = net.graph.node(e);
            LaneNode from = net.graph.node(net.entryFrom[e]);
            List<SignalPlacement> placements = new ArrayList<>(od.signalsFor(lane.roadId(), lane.laneId()));
            placements.addAll(od.signalsFor(from.roadId(), from.laneId()));
            for (SignalPlacement p : placements) {
                Integer g = groupOfSignal.get(p.signal().id());
                if (g != null) {
                    junctionOf[e] = junction;
                    phaseOf[e] = g;
                    break;
                }
            }
        }
    }

    private static Map<String, Integer> phases(Map<String, Double> headingByRoad) {
        Map<String, Integer> phaseByRoad = new LinkedHashMap<>();
        List<List<String>> phases = new ArrayList<>();
        for (var road : headingByRoad.entrySet()) {
            int joined = -1;
            for (int p = 0; p < phases.size() && joined < 0; p++) {
                List<String> members = phases.get(p);
                if (members.size() == 1
                        && Math.cos(road.getValue() - headingByRoad.get(members.getFirst())) < OPPOSITE_COS) {
                    joined = p;
                }
            }
            if (joined < 0) {
                phases.add(new ArrayList<>());
                joined = phases.size() - 1;
            }
            phases.get(joined).add(road.getKey());
            phaseByRoad.put(road.getKey(), joined);
        }
        return phaseByRoad;
    }

    /** Number of signalised junctions. */
    public int junctionCount() {
        return phaseCount.length;
    }

    /** The signalised junction governing entry lane {@code node}, or -1 when it has no light. */
    public int junctionOf(int node) {
        return junctionOf[node];
    }

    /** Signalised junctions whose lights come from the map's signals (the others are generated). */
    public int fromMapCount() {
        return fromMapCount;
    }

    public int phaseOf(int node) {
        return phaseOf[node];
    }

    public int phaseCount(int junction) {
        return phaseCount[junction];
    }
}

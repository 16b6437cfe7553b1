package dev.drivenotes.carla.traffic;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.model.sim.Maneuver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What traffic needs from a map, precomputed once per loaded map as flat arrays: successors, the
 * incoming lane that leads into each junction lane, conflicting junction lanes (crossing within
 * {@link #CONFLICT_DISTANCE_M} or merging into the same lane), a yield rank per junction lane, the
 * stop lines of stop signs and the signal plan.
 */
public final class TrafficNetwork {

    /** Junction lanes whose centre lines come closer than this conflict (a car is 2 m wide). */
    static final double CONFLICT_DISTANCE_M = 2.2;

    final LoadedMap map;
    final LaneGraph graph;
    final int size;
    final int[][] successors;
    final boolean[] inJunction;
    /** For a junction lane, the lane it is entered from (-1 when none or for ordinary lanes). */
    final int[] entryFrom;

    final int[][] conflicts;
    /** 0 for straight and right-turn junction lanes, 1 for left turns: lower ranks go first. */
    final int[] yieldRank;

    final double[] lengthM;
    final double[] speedLimitMps;
    final StopLines stopLines;
    final SignalPlan signals;

    private TrafficNetwork(LoadedMap map) {
        this.map = map;
        this.graph = map.graph();
        this.size = graph.size();
        this.successors = new int[size][];
        this.inJunction = new boolean[size];
        this.entryFrom = new int[size];
        this.yieldRank = new int[size];
        this.lengthM = new double[size];
        this.speedLimitMps = new double[size];
        for (int i = 0; i < size; i++) {
            LaneNode n = graph.node(i);
            successors[i] = graph.successors(i);
            inJunction[i] = n.junctionId() != null;
            lengthM[i] = n.lengthM();
            speedLimitMps[i] = n.speedLimitMps();
            entryFrom[i] = -1;
            Maneuver m = Maneuver.fromHeadingChange(n.exitHeadingRad() - n.entryHeadingRad());
            yieldRank[i] = m == Maneuver.TURN_LEFT ? 1 : 0;
        }
        for (int i = 0; i < size; i++) {
            for (int s : successors[i]) {
                if (inJunction[s] && !inJunction[i]) {
                    entryFrom[s] = i;
                }
            }
        }
        this.conflicts = conflicts();
        this.stopLines = StopLines.find(this);
        this.signals = SignalPlan.generate(this);
    }

    /** The network of {@code map}, built on first use, kept with the map and shared by its simulations. */
    public static TrafficNetwork of(LoadedMap map) {
        return map.derived(TrafficNetwork.class, TrafficNetwork::new);
    }

    /** The non-junction lane a junction lane's chain of junction lanes starts from (-1 if none). */
    int rootEntry(int node) {
        int n = node;
        for (int guard = 0; guard < 8 && n >= 0 && inJunction[n]; guard++) {
            if (entryFrom[n] >= 0) {
                return entryFrom[n];
            }
            n = junctionPredecessor(n);
        }
        return -1;
    }

    private int junctionPredecessor(int node) {
        for (int i = 0; i < size; i++) {
            if (inJunction[i]) {
                for (int s : successors[i]) {
                    if (s == node) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    private int[][] conflicts() {
        Map<String, List<Integer>> byJunction = new ConcurrentHashMap<>();
        for (int i = 0; i < size; i++) {
            if (inJunction[i]) {
                byJunction
                        .computeIfAbsent(graph.node(i).junctionId(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        int[] root = new int[size];
        for (int i = 0; i < size; i++) {
            root[i] = inJunction[i] ? rootEntry(i) : -1;
        }
        List<List<Integer>> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new ArrayList<>());
        }
        for (List<Integer> lanes : byJunction.values()) {
            for (int a : lanes) {
                for (int b : lanes) {
                    if (a < b && (root[a] < 0 || root[a] != root[b]) && conflict(a, b)) {
                        out.get(a).add(b);
                        out.get(b).add(a);
                    }
                }
            }
        }
        int[][] result = new int[size][];
        for (int i = 0; i < size; i++) {
            result[i] = out.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return result;
    }

    private boolean conflict(int a, int b) {
        for (int sa : successors[a]) {
            for (int sb : successors[b]) {
                if (sa == sb) {
                    return true;
                }
            }
        }
        Polyline la = graph.node(a).polyline();
        Polyline lb = graph.node(b).polyline();
        double limit2 = CONFLICT_DISTANCE_M * CONFLICT_DISTANCE_M;
        for (int i = 0; i < la.pointCount(); i++) {
            for (int j = 0; j < lb.pointCount(); j++) {
                double dx = la.x(i) - lb.x(j);
                double dy = la.y(i) - lb.y(j);
                if (dx * dx + dy * dy < limit2) {
                    return true;
                }
            }
        }
        return false;
    }

    public LoadedMap map() {
        return map;
    }

    public SignalPlan signals() {
        return signals;
    }

    public StopLines stopLines() {
        return stopLines;
    }

    public boolean inJunction(int node) {
        return inJunction[node];
    }

    /** Conflicting junction lanes of {@code node}, a copy. */
    public int[] conflictsOf(int node) {
        return conflicts[node].clone();
    }
}

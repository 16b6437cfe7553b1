package dev.drivenotes.carla.map.routing;

import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.lanes.LanePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A* over the lane graph with a Euclidean heuristic. Costs are lane lengths; a search reaches a
 * node at its start, so the cost of a route is the remainder of the first lane, the full lanes in
 * between and the offset into the last.
 */
public final class RoutePlanner {

    private final LaneGraph graph;

    public RoutePlanner(LaneGraph graph) {
        this.graph = graph;
    }

    /** The shortest lane route from {@code from} to {@code to}, if one exists. */
    public Optional<Route> plan(LanePosition from, LanePosition to) {
        if (from.node() == to.node() && from.offsetM() <= to.offsetM()) {
            return Optional.of(Route.of(graph, List.of(from.node()), from.offsetM(), to.offsetM()));
        }
        int n = graph.size();
        double[] g = new double[n];
        int[] parent = new int[n];
        boolean[] closed = new boolean[n];
        Arrays.fill(g, Double.POSITIVE_INFINITY);
        Arrays.fill(parent, -1);
        LaneNode goal = graph.node(to.node());
        double[] goalPoint = new double[3];
        goal.polyline().pointAt(to.offsetM(), goalPoint);
        PriorityQueue<double[]> open = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        double startRemainder = graph.node(from.node()).lengthM() - from.offsetM();
        for (int k = 0; k < graph.successorCount(from.node()); k++) {
            int s = graph.successor(from.node(), k);
            if (startRemainder < g[s]) {
                g[s] = startRemainder;
                parent[s] = from.node();
                open.add(new double[] {startRemainder + heuristic(s, goalPoint), s});
            }
        }
        while (!open.isEmpty()) {
            int current = (int) open.poll()[1];
            if (closed[current]) {
                continue;
            }
            closed[current] = true;
            if (current == to.node()) {
                return Optional.of(Route.of(graph, path(parent, from.node(), current), from.offsetM(), to.offsetM()));
            }
            double through = g[current] + graph.node(current).lengthM();
            for (int k = 0; k < graph.successorCount(current); k++) {
                int s = graph.successor(current, k);
                if (through < g[s] && !closed[s]) {
                    g[s] = through;
                    parent[s] = current;
                    open.add(new double[] {through + heuristic(s, goalPoint), s});
                }
            }
        }
        return Optional.empty();
    }

    private double heuristic(int node, double[] goal) {
        Polyline line = graph.node(node).polyline();
        return Math.hypot(goal[0] - line.x(0), goal[1] - line.y(0));
    }

    private static List<Integer> path(int[] parent, int start, int end) {
        List<Integer> nodes = new ArrayList<>();
        int c = end;
        nodes.add(c);
        // the start node may be the goal too (a loop back onto the same lane): stop at the first return
        do {
            c = parent[c];
            nodes.add(c);
        } while (c != start);
        Collections.reverse(nodes);
        return nodes;
    }
}

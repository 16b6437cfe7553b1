package dev.drivenotes.carla.map.lanes;

import dev.drivenotes.model.sim.Maneuver;
import java.util.EnumSet;
import java.util.List;

/**
 * The maneuvers a junction's lanes allow: for each lane path through the junction, from the heading
 * where it enters to the heading where it leaves ({@link Maneuver#fromHeadingChange}). From one
 * approach lane ({@link #from}), or from every approach ({@link #of}).
 */
public final class JunctionExits {

    /** Lane paths longer than this many lanes inside one junction are not followed further. */
    private static final int MAX_DEPTH = 8;

    private JunctionExits() {}

    /**
     * The maneuvers of the lane paths through {@code junctionId} that start at a successor of lane
     * {@code approach} (a lane outside the junction), in {@link Maneuver} order; empty when none does.
     */
    public static List<Maneuver> from(LaneGraph graph, int approach, String junctionId) {
        EnumSet<Maneuver> found = EnumSet.noneOf(Maneuver.class);
        collectFrom(graph, approach, junctionId, found);
        return List.copyOf(found);
    }

    /** The maneuvers of every lane path through {@code junctionId}, from any approach. */
    public static List<Maneuver> of(LaneGraph graph, String junctionId) {
        EnumSet<Maneuver> found = EnumSet.noneOf(Maneuver.class);
        for (LaneNode n : graph.nodes()) {
            if (!junctionId.equals(n.junctionId())) {
                collectFrom(graph, n.index(), junctionId, found);
            }
        }
        return List.copyOf(found);
    }

    private static void collectFrom(LaneGraph graph, int approach, String junctionId, EnumSet<Maneuver> found) {
        for (int s : graph.successors(approach)) {
            if (junctionId.equals(graph.node(s).junctionId())) {
                collect(graph, junctionId, graph.node(s).entryHeadingRad(), s, found, 0);
            }
        }
    }

    private static void collect(
            LaneGraph graph, String junctionId, double entryHeading, int node, EnumSet<Maneuver> found, int depth) {
        boolean leaves = false;
        for (int s : graph.successors(node)) {
            if (junctionId.equals(graph.node(s).junctionId())) {
                if (depth < MAX_DEPTH) {
                    collect(graph, junctionId, entryHeading, s, found, depth + 1);
                }
            } else {
                leaves = true;
            }
        }
        if (leaves) {
            found.add(Maneuver.fromHeadingChange(graph.node(node).exitHeadingRad() - entryHeading));
        }
    }
}

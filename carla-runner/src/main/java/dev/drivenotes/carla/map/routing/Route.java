package dev.drivenotes.carla.map.routing;

import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.geometry.PolylineBuilder;
import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.lanes.LanePosition;
import dev.drivenotes.model.sim.Maneuver;
import java.util.ArrayList;
import java.util.List;

/**
 * A planned lane route as one polyline (lane centres, driving direction), with the lane of each
 * vertex and the junction traversals along it.
 */
public final class Route {

    /**
     * One pass through a junction: from {@code entryM} to {@code exitM} along the route, labelled
     * from the heading change of the connecting lane(s).
     */
    public record JunctionTraversal(String junctionId, double entryM, double exitM, Maneuver maneuver) {}

    private final int[] nodes;
    private final double[] nodeStartM;
    private final Polyline polyline;
    private final int[] vertexNode;
    private final List<JunctionTraversal> junctions;

    private Route(
            int[] nodes, double[] nodeStartM, Polyline polyline, int[] vertexNode, List<JunctionTraversal> junctions) {
        this.nodes = nodes;
        this.nodeStartM = nodeStartM;
        this.polyline = polyline;
        this.vertexNode = vertexNode;
        this.junctions = List.copyOf(junctions);
    }

    static Route of(LaneGraph graph, List<Integer> path, double startOffsetM, double endOffsetM) {
        PolylineBuilder pb = new PolylineBuilder();
        List<JunctionTraversal> traversals = new ArrayList<>();
        String junction = null;
        double entryM = 0;
        double entryHeading = 0;
        double exitHeading = 0;
        double[] nodeStartM = new double[path.size()];
        for (int i = 0; i < path.size(); i++) {
            LaneNode node = graph.node(path.get(i));
            double from = i == 0 ? startOffsetM : 0;
            double to = i == path.size() - 1 ? endOffsetM : node.lengthM();
            String j = node.junctionId();
            if (junction != null && !junction.equals(j)) {
                traversals.add(traversal(junction, entryM, pb.lengthM(), exitHeading - entryHeading));
                junction = null;
            }
            if (j != null && junction == null) {
                junction = j;
                entryM = pb.lengthM();
                entryHeading = node.entryHeadingRad();
            }
            nodeStartM[i] = pb.lengthM() - from;
            pb.append(node.polyline(), from, to, node.index());
            if (j != null) {
                exitHeading = node.exitHeadingRad();
            }
        }
        if (junction != null) {
            traversals.add(traversal(junction, entryM, pb.lengthM(), exitHeading - entryHeading));
        }
        return new Route(
                path.stream().mapToInt(Integer::intValue).toArray(), nodeStartM, pb.build(), pb.tags(), traversals);
    }

    private static JunctionTraversal traversal(String junction, double entryM, double exitM, double headingChange) {
        return new JunctionTraversal(junction, entryM, exitM, Maneuver.fromHeadingChange(headingChange));
    }

    public double lengthM() {
        return polyline.lengthM();
    }

    /** The lane nodes of the route, in driving order. */
    public int[] nodes() {
        return nodes.clone();
    }

    /**
     * Where lane {@code nodes()[k]} begins along the route: negative for the first lane when the
     * route starts inside it, so that a point {@code a} metres along lane k lies at {@code
     * nodeStartM(k) + a} on the route.
     */
    public double nodeStartM(int k) {
        return nodeStartM[k];
    }

    /** Where the route ends on the lane graph: its last lane and the offset into it. */
    public LanePosition end() {
        int last = nodes.length - 1;
        return new LanePosition(nodes[last], lengthM() - nodeStartM[last]);
    }

    /** Whether lane node {@code node} is one of the route's lanes. */
    public boolean uses(int node) {
        for (int n : nodes) {
            if (n == node) {
                return true;
            }
        }
        return false;
    }

    public List<JunctionTraversal> junctions() {
        return junctions;
    }

    /** The route's path: lane centres in driving direction, from the start to the destination. */
    public Polyline polyline() {
        return polyline;
    }

    /** The lane node that vertex i of {@link #polyline()} lies on. */
    public int nodeAtVertex(int i) {
        return vertexNode[i];
    }
}

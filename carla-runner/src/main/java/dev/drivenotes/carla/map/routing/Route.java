package dev.drivenotes.carla.map.routing;

import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.model.sim.Maneuver;
import java.util.ArrayList;
import java.util.List;

/**
 * A planned lane route as one polyline (lane centres, driving direction), with the junction
 * traversals along it. Every query works on precomputed arrays.
 */
public final class Route {

    /**
     * One pass through a junction: from {@code entryM} to {@code exitM} along the route, labelled
     * from the heading change of the connecting lane(s).
     */
    public record JunctionTraversal(String junctionId, double entryM, double exitM, Maneuver maneuver) {}

    private final int[] nodes;
    private final double[] xs;
    private final double[] ys;
    private final double[] cumM;
    private final int[] vertexNode;
    private final List<JunctionTraversal> junctions;

    private Route(int[] nodes, double[] xs, double[] ys, int[] vertexNode, List<JunctionTraversal> junctions) {
        this.nodes = nodes;
        this.xs = xs;
        this.ys = ys;
        this.vertexNode = vertexNode;
        this.junctions = List.copyOf(junctions);
        this.cumM = new double[xs.length];
        for (int i = 1; i < xs.length; i++) {
            cumM[i] = cumM[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
    }

    static Route of(LaneGraph graph, List<Integer> path, double startOffsetM, double endOffsetM) {
        PolylineBuilder pb = new PolylineBuilder();
        List<JunctionTraversal> traversals = new ArrayList<>();
        String junction = null;
        double entryM = 0;
        double entryHeading = 0;
        double exitHeading = 0;
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
            pb.append(node, from, to);
            if (j != null) {
                exitHeading = node.exitHeadingRad();
            }
        }
        if (junction != null) {
            traversals.add(traversal(junction, entryM, pb.lengthM(), exitHeading - entryHeading));
        }
        return new Route(
                path.stream().mapToInt(Integer::intValue).toArray(), pb.xs(), pb.ys(), pb.vertexNodes(), traversals);
    }

    private static JunctionTraversal traversal(String junction, double entryM, double exitM, double headingChange) {
        return new JunctionTraversal(junction, entryM, exitM, Maneuver.fromHeadingChange(headingChange));
    }

    public double lengthM() {
        return cumM[cumM.length - 1];
    }

    public int[] nodes() {
        return nodes.clone();
    }

    public List<JunctionTraversal> junctions() {
        return junctions;
    }

    public int pointCount() {
        return xs.length;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    public double cumM(int i) {
        return cumM[i];
    }

    /** The lane node that vertex i lies on. */
    public int nodeAtVertex(int i) {
        return vertexNode[i];
    }

    /** The segment holding distance {@code d} along the route. */
    public int segmentAt(double d) {
        int lo = 0;
        int hi = cumM.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cumM[mid] <= d) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Writes x, y, heading at distance {@code d} (clamped) along the route into {@code out[0..2]}. */
    public void pointAt(double d, double[] out) {
        int i = segmentAt(d);
        double len = cumM[i + 1] - cumM[i];
        double f = len > 0 ? Math.max(0, Math.min(1, (d - cumM[i]) / len)) : 0;
        out[0] = xs[i] + f * (xs[i + 1] - xs[i]);
        out[1] = ys[i] + f * (ys[i + 1] - ys[i]);
        out[2] = Math.atan2(ys[i + 1] - ys[i], xs[i + 1] - xs[i]);
    }

    /**
     * Projects (x, y) onto the route between {@code fromM} and {@code fromM + windowM}; returns the
     * distance along the route of the nearest point in that window.
     */
    public double project(double x, double y, double fromM, double windowM) {
        int first = segmentAt(fromM);
        double best = Double.POSITIVE_INFINITY;
        double bestM = fromM;
        for (int i = first; i < xs.length - 1 && cumM[i] <= fromM + windowM; i++) {
            double dx = xs[i + 1] - xs[i];
            double dy = ys[i + 1] - ys[i];
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - xs[i]) * dx + (y - ys[i]) * dy) / len2));
            double px = xs[i] + t * dx - x;
            double py = ys[i] + t * dy - y;
            double d2 = px * px + py * py;
            if (d2 < best) {
                best = d2;
                bestM = cumM[i] + t * (cumM[i + 1] - cumM[i]);
            }
        }
        return bestM;
    }
}

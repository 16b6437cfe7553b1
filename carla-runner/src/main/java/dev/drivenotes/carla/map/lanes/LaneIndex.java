package dev.drivenotes.carla.map.lanes;

import dev.drivenotes.carla.map.geometry.Polyline;
import java.util.Arrays;

/**
 * A dense uniform grid over every lane segment, for lane-level map matching without allocation:
 * each cell lists (node, segment) pairs whose lane area, widened by {@link #MARGIN_M}, touches it.
 */
public final class LaneIndex {

    /** How far outside a lane a position may be and still find that lane. */
    static final double MARGIN_M = 1.5;

    private static final int MAX_CELLS = 4_000_000;

    private final LaneGraph graph;
    private final double minX;
    private final double minY;
    private final double cellM;
    private final int nx;
    private final int ny;
    private final int[][] cells;

    /** The result of one {@link #match}; reused by its owner. */
    public static final class Match {
        private int node = -1;
        private double alongM;
        private double outsideM = Double.POSITIVE_INFINITY;

        /** Best-matching lane node, or -1 when no lane is near. */
        public int node() {
            return node;
        }

        /** Distance along that lane. */
        public double alongM() {
            return alongM;
        }

        /** Smallest distance outside any lane (0 or negative when inside one). */
        public double outsideM() {
            return outsideM;
        }
    }

    public LaneIndex(LaneGraph graph) {
        this.graph = graph;
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (LaneNode n : graph.nodes()) {
            Polyline line = n.polyline();
            for (int i = 0; i < line.pointCount(); i++) {
                x0 = Math.min(x0, line.x(i));
                y0 = Math.min(y0, line.y(i));
                x1 = Math.max(x1, line.x(i));
                y1 = Math.max(y1, line.y(i));
            }
        }
        double pad = 20;
        minX = x0 - pad;
        minY = y0 - pad;
        double w = Math.max(1, x1 - x0 + 2 * pad);
        double h = Math.max(1, y1 - y0 + 2 * pad);
        cellM = Math.max(8.0, Math.sqrt(w * h / MAX_CELLS));
        nx = (int) Math.ceil(w / cellM);
        ny = (int) Math.ceil(h / cellM);
        int[] counts = new int[nx * ny];
        forEachCell((cell, node, seg) -> counts[cell] += 2);
        cells = new int[nx * ny][];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new int[counts[i]];
        }
        int[] fill = new int[nx * ny];
        forEachCell((cell, node, seg) -> {
            cells[cell][fill[cell]++] = node;
            cells[cell][fill[cell]++] = seg;
        });
    }

    private interface CellVisitor {
        void visit(int cell, int node, int seg);
    }

    private void forEachCell(CellVisitor v) {
        for (LaneNode n : graph.nodes()) {
            Polyline line = n.polyline();
            for (int i = 0; i + 1 < line.pointCount(); i++) {
                double reach = Math.max(n.halfWidthM(i), n.halfWidthM(i + 1)) + MARGIN_M;
                int cx0 = cellX(Math.min(line.x(i), line.x(i + 1)) - reach);
                int cx1 = cellX(Math.max(line.x(i), line.x(i + 1)) + reach);
                int cy0 = cellY(Math.min(line.y(i), line.y(i + 1)) - reach);
                int cy1 = cellY(Math.max(line.y(i), line.y(i + 1)) + reach);
                for (int cx = cx0; cx <= cx1; cx++) {
                    for (int cy = cy0; cy <= cy1; cy++) {
                        v.visit(cy * nx + cx, n.index(), i);
                    }
                }
            }
        }
    }

    private int cellX(double x) {
        return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - minX) / cellM)));
    }

    private int cellY(double y) {
        return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - minY) / cellM)));
    }

    /**
     * Matches a pose to a lane: among lanes within the margin, prefers one that holds the position
     * and runs along {@code yawRad}; records the smallest distance outside any lane.
     */
    public void match(double x, double y, double yawRad, Match out) {
        out.node = -1;
        out.outsideM = Double.POSITIVE_INFINITY;
        double px = x - minX;
        double py = y - minY;
        if (px < 0 || py < 0 || px >= nx * cellM || py >= ny * cellM) {
            return;
        }
        int[] cand = cells[(int) (py / cellM) * nx + (int) (px / cellM)];
        double bestScore = Double.POSITIVE_INFINITY;
        for (int k = 0; k < cand.length; k += 2) {
            LaneNode n = graph.node(cand[k]);
            Polyline line = n.polyline();
            int i = cand[k + 1];
            double ax = line.x(i);
            double ay = line.y(i);
            double dx = line.x(i + 1) - ax;
            double dy = line.y(i + 1) - ay;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
            double dist = Math.hypot(ax + t * dx - x, ay + t * dy - y);
            double half = n.halfWidthM(i) + t * (n.halfWidthM(i + 1) - n.halfWidthM(i));
            double outside = dist - half;
            out.outsideM = Math.min(out.outsideM, outside);
            double score = Math.max(0, outside) * 100 + dist + 3 * (1 - Math.cos(yawRad - line.segmentHeadingRad(i)));
            if (score < bestScore) {
                bestScore = score;
                out.node = n.index();
                out.alongM = line.cumM(i) + t * (line.cumM(i + 1) - line.cumM(i));
            }
        }
    }

    int cellCount() {
        return cells.length;
    }

    @Override
    public String toString() {
        return "LaneIndex[" + nx + "x" + ny + " cells of " + cellM + " m, "
                + Arrays.stream(cells).mapToInt(c -> c.length / 2).sum() + " entries]";
    }
}

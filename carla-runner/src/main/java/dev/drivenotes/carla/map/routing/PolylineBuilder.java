package dev.drivenotes.carla.map.routing;

import dev.drivenotes.carla.map.lanes.LaneNode;
import java.util.Arrays;

/** Concatenates pieces of lane polylines, dropping duplicate joints. */
final class PolylineBuilder {

    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int[] nodes = new int[256];
    private int size;
    private double lengthM;
    private final double[] p = new double[3];

    /** Appends lane {@code node} from distance {@code from} to {@code to} along it. */
    void append(LaneNode node, double from, double to) {
        node.pointAt(from, p);
        add(p[0], p[1], node.index());
        for (int i = 0; i < node.pointCount(); i++) {
            if (node.cumM(i) > from + 1e-6 && node.cumM(i) < to - 1e-6) {
                add(node.x(i), node.y(i), node.index());
            }
        }
        node.pointAt(to, p);
        add(p[0], p[1], node.index());
    }

    private void add(double x, double y, int node) {
        if (size > 0) {
            double d = Math.hypot(x - xs[size - 1], y - ys[size - 1]);
            if (d < 1e-3) {
                return;
            }
            lengthM += d;
        }
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        nodes[size] = node;
        size++;
    }

    double lengthM() {
        return lengthM;
    }

    double[] xs() {
        return Arrays.copyOf(xs, padded());
    }

    double[] ys() {
        return Arrays.copyOf(ys, padded());
    }

    int[] vertexNodes() {
        return Arrays.copyOf(nodes, padded());
    }

    /** A polyline needs two points: a zero-length piece repeats its only point. */
    private int padded() {
        if (size == 1) {
            xs[1] = xs[0];
            ys[1] = ys[0];
            nodes[1] = nodes[0];
        }
        return Math.max(size, 2);
    }
}

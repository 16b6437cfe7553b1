package dev.drivenotes.carla.map.geometry;

import java.util.Arrays;

/**
 * Concatenates pieces of polylines into one, dropping joints closer than a millimetre to the point
 * before them; every vertex keeps the tag of the piece it came from (a route tags each vertex with
 * its lane).
 */
public final class PolylineBuilder {

    private static final double DUPLICATE_M = 1e-3;
    /** Vertices of a piece closer than this to the cut points are left out (the cut points stand in). */
    private static final double CUT_MARGIN_M = 1e-6;

    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int[] tags = new int[256];
    private int size;
    private double lengthM;
    private final double[] p = new double[3];

    /** Appends {@code line} from distance {@code fromM} to {@code toM} along it, its vertices tagged {@code tag}. */
    public void append(Polyline line, double fromM, double toM, int tag) {
        line.pointAt(fromM, p);
        add(p[0], p[1], tag);
        for (int i = 0; i < line.pointCount(); i++) {
            if (line.cumM(i) > fromM + CUT_MARGIN_M && line.cumM(i) < toM - CUT_MARGIN_M) {
                add(line.x(i), line.y(i), tag);
            }
        }
        line.pointAt(toM, p);
        add(p[0], p[1], tag);
    }

    private void add(double x, double y, int tag) {
        if (size > 0) {
            double d = Math.hypot(x - xs[size - 1], y - ys[size - 1]);
            if (d < DUPLICATE_M) {
                return;
            }
            lengthM += d;
        }
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
            tags = Arrays.copyOf(tags, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        tags[size] = tag;
        size++;
    }

    /** Length of what was appended so far. */
    public double lengthM() {
        return lengthM;
    }

    /** The polyline appended so far; a single point (a zero-length piece) is repeated to make two. */
    public Polyline build() {
        return new Polyline(Arrays.copyOf(xs, padded()), Arrays.copyOf(ys, padded()));
    }

    /** The tag of every vertex of {@link #build()}. */
    public int[] tags() {
        return Arrays.copyOf(tags, padded());
    }

    private int padded() {
        if (size == 1) {
            xs[1] = xs[0];
            ys[1] = ys[0];
            tags[1] = tags[0];
        }
        return Math.max(size, 2);
    }
}

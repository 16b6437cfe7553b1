package dev.drivenotes.carla.map.geometry;

/**
 * An immutable polyline of at least two points with its cumulative length: a lane's centre line, a
 * route's path. A distance along it ({@code d}, metres) is measured from its first point; queries
 * work on precomputed arrays and allocate nothing.
 */
public final class Polyline {

    private final double[] xs;
    private final double[] ys;
    private final double[] cumM;
    private final double[] headingsRad;

    /** The polyline through the points (xs[i], ys[i]), in order; the arrays are copied. */
    public Polyline(double[] xs, double[] ys) {
        if (xs.length != ys.length || xs.length < 2) {
            throw new IllegalArgumentException(
                    "a polyline needs as many x as y and at least two points, got " + xs.length + " and " + ys.length);
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.cumM = new double[xs.length];
        this.headingsRad = new double[xs.length - 1];
        for (int i = 1; i < xs.length; i++) {
            cumM[i] = cumM[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
            headingsRad[i - 1] = Math.atan2(ys[i] - ys[i - 1], xs[i] - xs[i - 1]);
        }
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

    /** Distance along the polyline of point i. */
    public double cumM(int i) {
        return cumM[i];
    }

    public double lengthM() {
        return cumM[cumM.length - 1];
    }

    /** Heading of segment i (from point i to i+1), radians counter-clockwise from +x. */
    public double segmentHeadingRad(int i) {
        return headingsRad[i];
    }

    public double startHeadingRad() {
        return headingsRad[0];
    }

    public double endHeadingRad() {
        return headingsRad[headingsRad.length - 1];
    }

    /** The segment holding distance {@code d} (the first for d below 0, the last for d past the end). */
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

    /** Writes x, y and the segment heading at distance {@code d} (clamped to the ends) into {@code out[0..2]}. */
    public void pointAt(double d, double[] out) {
        int i = segmentAt(d);
        double len = cumM[i + 1] - cumM[i];
        double f = len > 0 ? Math.max(0, Math.min(1, (d - cumM[i]) / len)) : 0;
        out[0] = xs[i] + f * (xs[i + 1] - xs[i]);
        out[1] = ys[i] + f * (ys[i + 1] - ys[i]);
        out[2] = headingsRad[i];
    }

    /**
     * Projects (x, y) onto the segments that start between {@code fromM} and {@code fromM + windowM}
     * (the segment holding fromM included); returns the distance along the polyline of the nearest
     * point found there, the first one on a tie.
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

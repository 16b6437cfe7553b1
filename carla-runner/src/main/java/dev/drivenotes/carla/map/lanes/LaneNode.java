package dev.drivenotes.carla.map.lanes;

/**
 * A driving lane of one lane section, as a precomputed centre polyline in driving direction (right
 * lanes along increasing s, left lanes against it).
 */
public final class LaneNode {

    private final int index;
    private final String roadId;
    private final int sectionIndex;
    private final int laneId;
    private final String junctionId;
    private final double speedLimitMps;
    private final double[] xs;
    private final double[] ys;
    private final double[] cumM;
    private final double[] halfWidthsM;
    private final double[] headingsRad;

    LaneNode(
            int index,
            String roadId,
            int sectionIndex,
            int laneId,
            String junctionId,
            double speedLimitMps,
            double[] xs,
            double[] ys,
            double[] halfWidthsM) {
        this.index = index;
        this.roadId = roadId;
        this.sectionIndex = sectionIndex;
        this.laneId = laneId;
        this.junctionId = junctionId;
        this.speedLimitMps = speedLimitMps;
        this.xs = xs;
        this.ys = ys;
        this.halfWidthsM = halfWidthsM;
        this.cumM = new double[xs.length];
        this.headingsRad = new double[xs.length - 1];
        for (int i = 1; i < xs.length; i++) {
            cumM[i] = cumM[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
            headingsRad[i - 1] = Math.atan2(ys[i] - ys[i - 1], xs[i] - xs[i - 1]);
        }
    }

    public int index() {
        return index;
    }

    public String roadId() {
        return roadId;
    }

    public int sectionIndex() {
        return sectionIndex;
    }

    public int laneId() {
        return laneId;
    }

    /** The junction this lane crosses, or null. */
    public String junctionId() {
        return junctionId;
    }

    public double speedLimitMps() {
        return speedLimitMps;
    }

    public double lengthM() {
        return cumM[cumM.length - 1];
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

    public double halfWidthM(int i) {
        return halfWidthsM[i];
    }

    /** Heading of segment i (from point i to i+1). */
    public double segmentHeadingRad(int i) {
        return headingsRad[i];
    }

    public double entryHeadingRad() {
        return headingsRad[0];
    }

    public double exitHeadingRad() {
        return headingsRad[headingsRad.length - 1];
    }

    /** The segment holding distance {@code d} along the lane. */
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

    /** Writes x, y, heading at distance {@code d} (clamped) along the lane into {@code out[0..2]}. */
    public void pointAt(double d, double[] out) {
        int i = segmentAt(d);
        double len = cumM[i + 1] - cumM[i];
        double f = len > 0 ? Math.max(0, Math.min(1, (d - cumM[i]) / len)) : 0;
        out[0] = xs[i] + f * (xs[i + 1] - xs[i]);
        out[1] = ys[i] + f * (ys[i + 1] - ys[i]);
        out[2] = headingsRad[i];
    }

    @Override
    public String toString() {
        return "lane " + roadId + "/" + sectionIndex + "/" + laneId;
    }
}

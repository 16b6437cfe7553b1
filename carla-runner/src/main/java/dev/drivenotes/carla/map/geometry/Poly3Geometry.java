package dev.drivenotes.carla.map.geometry;

/** A planView record whose local lateral offset is a cubic v(u) of the local longitudinal u. */
public final class Poly3Geometry implements Geometry {

    private final double s;
    private final double x;
    private final double y;
    private final double hdg;
    private final double length;
    private final CubicPoly v;
    private final ArcLengthTable table;

    public Poly3Geometry(double s, double x, double y, double hdg, double length, CubicPoly v) {
        this.s = s;
        this.x = x;
        this.y = y;
        this.hdg = hdg;
        this.length = length;
        this.v = v;
        this.table = new ArcLengthTable(u -> Math.hypot(1, v.derivative(u)), uEnd(length, v));
    }

    /**
     * The local u where the arc length reaches {@code length}. Arc length is at least u, so that u lies
     * in [0, length]: one table over that range, inverted at {@code length}.
     */
    private static double uEnd(double length, CubicPoly v) {
        ArcLengthTable probe = new ArcLengthTable(u -> Math.hypot(1, v.derivative(u)), length);
        if (probe.totalLength() <= length) {
            return length;
        }
        return probe.paramAt(length, probe.totalLength());
    }

    @Override
    public void evaluate(double ds, double[] out) {
        double u = table.paramAt(ds, length);
        double vv = v.value(u);
        double cos = Math.cos(hdg);
        double sin = Math.sin(hdg);
        out[0] = x + u * cos - vv * sin;
        out[1] = y + u * sin + vv * cos;
        out[2] = hdg + Math.atan(v.derivative(u));
    }

    @Override
    public double s() {
        return s;
    }

    @Override
    public double x() {
        return x;
    }

    @Override
    public double y() {
        return y;
    }

    @Override
    public double hdg() {
        return hdg;
    }

    @Override
    public double length() {
        return length;
    }
}

package dev.drivenotes.carla.map.geometry;

/**
 * A planView record given as cubics u(p), v(p) in the local frame. With {@code normalized} the
 * parameter runs over [0, 1], otherwise over [0, length] ("arcLength"); in both cases positions are
 * looked up by true arc length.
 */
public final class ParamPoly3Geometry implements Geometry {

    private final double s;
    private final double x;
    private final double y;
    private final double hdg;
    private final double length;
    private final CubicPoly u;
    private final CubicPoly v;
    private final ArcLengthTable table;

    public ParamPoly3Geometry(
            double s, double x, double y, double hdg, double length, CubicPoly u, CubicPoly v, boolean normalized) {
        this.s = s;
        this.x = x;
        this.y = y;
        this.hdg = hdg;
        this.length = length;
        this.u = u;
        this.v = v;
        this.table = new ArcLengthTable(p -> Math.hypot(u.derivative(p), v.derivative(p)), normalized ? 1 : length);
    }

    @Override
    public void evaluate(double ds, double[] out) {
        double p = table.paramAt(ds, length);
        double uu = u.value(p);
        double vv = v.value(p);
        double cos = Math.cos(hdg);
        double sin = Math.sin(hdg);
        out[0] = x + uu * cos - vv * sin;
        out[1] = y + uu * sin + vv * cos;
        out[2] = hdg + Math.atan2(v.derivative(p), u.derivative(p));
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

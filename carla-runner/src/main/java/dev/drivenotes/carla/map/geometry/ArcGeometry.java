package dev.drivenotes.carla.map.geometry;

/** A planView record of constant curvature (1/m, positive turns left). */
public record ArcGeometry(double s, double x, double y, double hdg, double length, double curvature)
        implements Geometry {

    @Override
    public void evaluate(double ds, double[] out) {
        if (Math.abs(curvature) < 1e-12) {
            out[0] = x + ds * Math.cos(hdg);
            out[1] = y + ds * Math.sin(hdg);
            out[2] = hdg;
            return;
        }
        double theta = hdg + curvature * ds;
        out[0] = x + (Math.sin(theta) - Math.sin(hdg)) / curvature;
        out[1] = y - (Math.cos(theta) - Math.cos(hdg)) / curvature;
        out[2] = theta;
    }
}

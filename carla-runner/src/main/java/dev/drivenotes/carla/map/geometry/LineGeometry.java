package dev.drivenotes.carla.map.geometry;

/** A straight planView record. */
public record LineGeometry(double s, double x, double y, double hdg, double length) implements Geometry {

    @Override
    public void evaluate(double ds, double[] out) {
        out[0] = x + ds * Math.cos(hdg);
        out[1] = y + ds * Math.sin(hdg);
        out[2] = hdg;
    }
}

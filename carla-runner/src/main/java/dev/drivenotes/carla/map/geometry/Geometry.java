package dev.drivenotes.carla.map.geometry;

/**
 * One OpenDRIVE planView record: a curve that starts at ({@link #x()}, {@link #y()}) with heading
 * {@link #hdg()} at road position {@link #s()} and runs for {@link #length()} metres of arc.
 */
public sealed interface Geometry permits LineGeometry, ArcGeometry, SpiralGeometry, Poly3Geometry, ParamPoly3Geometry {

    double s();

    double x();

    double y();

    double hdg();

    double length();

    /**
     * Writes x, y and heading (radians, counter-clockwise from +x) at {@code ds} metres along this
     * record into {@code out[0..2]}.
     */
    void evaluate(double ds, double[] out);
}

package dev.drivenotes.carla.map.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.sim.Maneuver;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

class GeometryPropertiesTest {

    /** Length of the polyline through {@code n} evaluated points: approaches the arc length. */
    private static double sampledLength(Geometry g, int n) {
        double[] a = new double[3];
        double[] b = new double[3];
        g.evaluate(0, a);
        double total = 0;
        for (int i = 1; i <= n; i++) {
            g.evaluate(g.length() * i / n, b);
            total += Math.hypot(b[0] - a[0], b[1] - a[1]);
            System.arraycopy(b, 0, a, 0, 3);
        }
        return total;
    }

    @Property(tries = 200)
    void lineRunsItsLengthAlongItsHeading(
            @ForAll @DoubleRange(min = -1000, max = 1000) double x,
            @ForAll @DoubleRange(min = -1000, max = 1000) double y,
            @ForAll @DoubleRange(min = -4, max = 4) double hdg,
            @ForAll @DoubleRange(min = 0.1, max = 500) double length) {
        Geometry line = new LineGeometry(0, x, y, hdg, length);
        double[] end = new double[3];
        line.evaluate(length, end);
        assertThat(Math.hypot(end[0] - x, end[1] - y)).isCloseTo(length, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Math.atan2(end[1] - y, end[0] - x) - Maneuver.normalizeAngle(hdg))
                .satisfies(d -> assertThat(Math.abs(Maneuver.normalizeAngle(d))).isLessThan(1e-6));
    }

    @Property(tries = 200)
    void arcHasItsArcLengthAndTurnsByCurvatureTimesLength(
            @ForAll @DoubleRange(min = -4, max = 4) double hdg,
            @ForAll @DoubleRange(min = -0.2, max = 0.2) double curvature,
            @ForAll @DoubleRange(min = 1, max = 200) double length) {
        Geometry arc = new ArcGeometry(0, 5, -3, hdg, length, curvature);
        double[] end = new double[3];
        arc.evaluate(length, end);
        assertThat(end[2]).isCloseTo(hdg + curvature * length, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sampledLength(arc, 2000)).isCloseTo(length, org.assertj.core.data.Percentage.withPercentage(0.01));
        double chord = Math.hypot(end[0] - 5, end[1] + 3);
        assertThat(chord).isLessThanOrEqualTo(length + 1e-9);
    }

    @Property(tries = 100)
    void spiralHasItsArcLengthAndQuadraticHeading(
            @ForAll @DoubleRange(min = -0.05, max = 0.05) double curvStart,
            @ForAll @DoubleRange(min = -0.05, max = 0.05) double curvEnd,
            @ForAll @DoubleRange(min = 1, max = 150) double length) {
        Geometry spiral = new SpiralGeometry(0, 0, 0, 0.3, length, curvStart, curvEnd);
        double[] end = new double[3];
        spiral.evaluate(length, end);
        assertThat(end[2])
                .isCloseTo(0.3 + (curvStart + curvEnd) / 2 * length, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sampledLength(spiral, 1000))
                .isCloseTo(length, org.assertj.core.data.Percentage.withPercentage(0.01));
    }

    /** Arc length of a parametric curve with speed |dP/dp| by composite Simpson (independent of ArcLengthTable). */
    private static double simpson(java.util.function.DoubleUnaryOperator speed, double to) {
        int n = 4000;
        double h = to / n;
        double sum = speed.applyAsDouble(0) + speed.applyAsDouble(to);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * speed.applyAsDouble(i * h);
        }
        return sum * h / 3;
    }

    private static void assertHeadingFollowsTheCurveAndIsContinuous(Geometry g) {
        assertHeadingFollowsTheCurveAndIsContinuous(g, 1);
    }

    /**
     * Heading at every sample equals the direction of motion (finite difference) and positions are
     * continuous: a step of ds moves at most {@code stretch}·ds (true length / declared length).
     */
    private static void assertHeadingFollowsTheCurveAndIsContinuous(Geometry g, double stretch) {
        double[] a = new double[3];
        double[] b = new double[3];
        double eps = 1e-4;
        for (int i = 0; i < 50; i++) {
            double ds = (g.length() - eps) * i / 49;
            g.evaluate(ds, a);
            g.evaluate(ds + eps, b);
            double step = Math.hypot(b[0] - a[0], b[1] - a[1]);
            assertThat(step).as("continuity at %s", ds).isLessThan(eps * stretch * 1.01 + 1e-9);
            double direction = Math.atan2(b[1] - a[1], b[0] - a[0]);
            assertThat(Math.abs(Maneuver.normalizeAngle(direction - a[2])))
                    .as("heading at %s", ds)
                    .isLessThan(1e-3);
        }
    }

    @Property(tries = 60)
    void spiralHeadingIsTheDirectionOfMotion(
            @ForAll @DoubleRange(min = -0.08, max = 0.08) double curvStart,
            @ForAll @DoubleRange(min = -0.08, max = 0.08) double curvEnd,
            @ForAll @DoubleRange(min = 1, max = 120) double length) {
        assertHeadingFollowsTheCurveAndIsContinuous(new SpiralGeometry(0, 3, 4, -1.2, length, curvStart, curvEnd));
    }

    @Property(tries = 60)
    void poly3HasItsArcLengthAndHeadingAlongTheCurve(
            @ForAll @DoubleRange(min = -0.3, max = 0.3) double b,
            @ForAll @DoubleRange(min = -0.01, max = 0.01) @Scale(6) double c,
            @ForAll @DoubleRange(min = -0.0002, max = 0.0002) @Scale(8) double d,
            @ForAll @DoubleRange(min = 2, max = 80) double length) {
        Geometry g = new Poly3Geometry(0, 10, -5, 0.7, length, new CubicPoly(0, 0, b, c, d));
        assertThat(sampledLength(g, 2000)).isCloseTo(length, org.assertj.core.data.Percentage.withPercentage(0.05));
        assertHeadingFollowsTheCurveAndIsContinuous(g);
        double[] start = new double[3];
        g.evaluate(0, start);
        assertThat(start[0]).isCloseTo(10, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(start[2]).isCloseTo(0.7 + Math.atan(b), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Property(tries = 60)
    void normalizedParamPoly3HasItsArcLengthAndEndsAtParameterOne(
            @ForAll @DoubleRange(min = 5, max = 60) double bU,
            // u'(1) = bU + 2 cU stays >= 2: road geometry never stops or reverses along its parameter
            @ForAll @DoubleRange(min = -1.5, max = 3) double cU,
            @ForAll @DoubleRange(min = -6, max = 6) double cV,
            @ForAll @DoubleRange(min = -2, max = 2) double dV) {
        CubicPoly u = new CubicPoly(0, 0, bU, cU, 0);
        CubicPoly v = new CubicPoly(0, 0, 0, cV, dV);
        double length = simpson(p -> Math.hypot(u.derivative(p), v.derivative(p)), 1);
        Geometry g = new ParamPoly3Geometry(0, 0, 0, 0.2, length, u, v, true);
        assertThat(sampledLength(g, 2000)).isCloseTo(length, org.assertj.core.data.Percentage.withPercentage(0.05));
        double[] end = new double[3];
        g.evaluate(length, end);
        double cos = Math.cos(0.2);
        double sin = Math.sin(0.2);
        assertThat(end[0]).isCloseTo(u.value(1) * cos - v.value(1) * sin, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(end[1]).isCloseTo(u.value(1) * sin + v.value(1) * cos, org.assertj.core.data.Offset.offset(1e-6));
        assertHeadingFollowsTheCurveAndIsContinuous(g);
    }

    @Property(tries = 60)
    void arcLengthParamPoly3EndsAtParameterLengthAndFollowsItsHeading(
            @ForAll @DoubleRange(min = -0.002, max = 0.002) @Scale(6) double cU,
            @ForAll @DoubleRange(min = -0.01, max = 0.01) @Scale(6) double cV,
            @ForAll @DoubleRange(min = -0.0001, max = 0.0001) @Scale(8) double dV,
            @ForAll @DoubleRange(min = 2, max = 60) double length) {
        CubicPoly u = new CubicPoly(0, 0, 1, cU, 0);
        CubicPoly v = new CubicPoly(0, 0, 0, cV, dV);
        Geometry g = new ParamPoly3Geometry(0, 1, 2, -0.4, length, u, v, false);
        double trueLength = simpson(p -> Math.hypot(u.derivative(p), v.derivative(p)), length);
        assertThat(sampledLength(g, 2000)).isCloseTo(trueLength, org.assertj.core.data.Percentage.withPercentage(0.05));
        double[] end = new double[3];
        g.evaluate(length, end);
        double cos = Math.cos(-0.4);
        double sin = Math.sin(-0.4);
        assertThat(end[0])
                .isCloseTo(
                        1 + u.value(length) * cos - v.value(length) * sin, org.assertj.core.data.Offset.offset(1e-6));
        assertHeadingFollowsTheCurveAndIsContinuous(g, trueLength / length);
    }
}

package dev.drivenotes.carla.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.town.TownSettings;
import dev.drivenotes.model.sim.Maneuver;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

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

    @Property(tries = 8)
    void generatedTownPlanViewRecordsAreContinuousAndLanesJoin(
            @ForAll @IntRange(min = 2, max = 6) int columns,
            @ForAll @IntRange(min = 2, max = 5) int rows,
            @ForAll @DoubleRange(min = 100, max = 200) double blockM,
            @ForAll @LongRange(min = 0, max = 1000) long seed)
            throws Exception {
        Path dir = Files.createTempDirectory("town");
        Path xodr = new TownGenerator(new TownSettings(columns, rows, blockM, seed)).writeTo(dir, "town");
        OpenDriveMap map = OpenDriveLoader.load(xodr);
        double[] end = new double[3];
        for (Road road : map.roads().values()) {
            for (int i = 0; i + 1 < road.geometries().size(); i++) {
                Geometry g = road.geometries().get(i);
                road.geometries().get(i).evaluate(g.length(), end);
                Geometry next = road.geometries().get(i + 1);
                assertThat(Math.hypot(end[0] - next.x(), end[1] - next.y())).isLessThan(0.01);
            }
        }
        LaneGraph graph = LaneGraphBuilder.build(map);
        for (LaneNode n : graph.nodes()) {
            int last = n.pointCount() - 1;
            assertThat(graph.successors(n.index())).as("%s continues", n).isNotEmpty();
            for (int s : graph.successors(n.index())) {
                LaneNode next = graph.node(s);
                assertThat(Math.hypot(next.x(0) - n.x(last), next.y(0) - n.y(last)))
                        .isLessThan(0.01);
            }
        }
    }
}

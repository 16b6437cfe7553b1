package dev.drivenotes.carla.map.lanes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.map.geometry.Geometry;
import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.opendrive.Road;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.town.TownSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class LaneGraphPropertiesTest {

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
            Polyline line = n.polyline();
            int last = line.pointCount() - 1;
            assertThat(graph.successors(n.index())).as("%s continues", n).isNotEmpty();
            for (int s : graph.successors(n.index())) {
                Polyline next = graph.node(s).polyline();
                assertThat(Math.hypot(next.x(0) - line.x(last), next.y(0) - line.y(last)))
                        .isLessThan(0.01);
            }
        }
    }
}

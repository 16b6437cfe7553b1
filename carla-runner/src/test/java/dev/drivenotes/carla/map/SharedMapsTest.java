package dev.drivenotes.carla.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.map.geometry.Geometry;
import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.opendrive.Road;
import dev.drivenotes.carla.map.routing.Route;
import dev.drivenotes.model.map.NamedPlace;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharedMapsTest {

    @Test
    void loadsTown01AndPlansRouteBetweenDerivedPlaces() {
        LoadedMap town01 =
                new MapCatalog(Map.of()).load(TestMaps.shared("Town01.xodr").toString());
        assertThat(town01.openDrive().roads()).hasSize(122);
        assertThat(town01.openDrive().junctions()).hasSize(12);
        assertThat(town01.places().pois()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(town01.places().junctions())
                .hasSize(12)
                .allSatisfy(j -> assertThat(j.legalManeuvers()).isNotEmpty());
        NamedPlace a = town01.places().pois().get(0);
        NamedPlace b = town01.places().pois().get(town01.places().pois().size() - 1);
        Route route = town01.anchors().get(a.name()).stream()
                .flatMap(from ->
                        town01.anchors().get(b.name()).stream().flatMap(to -> town01.planner().plan(from, to).stream()))
                .findFirst()
                .orElseThrow();
        assertThat(route.lengthM())
                .isGreaterThan(Math.hypot(
                                a.center().x() - b.center().x(),
                                a.center().y() - b.center().y())
                        - 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Town01.xodr", "curves.xodr", "simple_4way_intersection.xodr"})
    void planViewRecordsAreContinuous(String file) {
        OpenDriveMap map = OpenDriveLoader.load(TestMaps.shared(file));
        double[] end = new double[3];
        for (Road road : map.roads().values()) {
            for (int i = 0; i + 1 < road.geometries().size(); i++) {
                Geometry g = road.geometries().get(i);
                Geometry next = road.geometries().get(i + 1);
                g.evaluate(g.length(), end);
                assertThat(Math.hypot(end[0] - next.x(), end[1] - next.y()))
                        .as("%s road %s record %d end vs record %d start", file, road.id(), i, i + 1)
                        .isLessThan(0.01);
            }
        }
    }

    @Test
    void simpleIntersectionHasConnectedLaneGraph() {
        LoadedMap map = new MapCatalog(Map.of())
                .load(TestMaps.shared("simple_4way_intersection.xodr").toString());
        assertThat(map.openDrive().junctions()).hasSize(1);
        assertThat(map.places().junctions().get(0).legalManeuvers()).hasSizeGreaterThanOrEqualTo(2);
    }
}

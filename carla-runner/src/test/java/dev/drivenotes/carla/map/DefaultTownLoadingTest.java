package dev.drivenotes.carla.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LanePosition;
import dev.drivenotes.carla.map.places.PlacesFile;
import dev.drivenotes.carla.map.routing.Route;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.town.TownSettings;
import dev.drivenotes.model.map.NamedPlace;
import dev.drivenotes.model.sim.Maneuver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultTownLoadingTest {

    @TempDir
    static Path dir;

    static LoadedMap town;
    static String xml;

    @BeforeAll
    static void generateAndLoad() throws Exception {
        Path xodr = new TownGenerator(TownSettings.DEFAULT).writeTo(dir, "default-town");
        xml = Files.readString(xodr);
        town = new MapCatalog(java.util.Map.of()).load(xodr.toString());
    }

    @Test
    void loadsAsManyRoadsAndJunctionsAsTheGeneratorWrote() {
        long roadsWritten = xml.lines().filter(l -> l.contains("<road ")).count();
        long junctionsWritten =
                xml.lines().filter(l -> l.contains("<junction ")).count();
        assertThat(town.openDrive().roads()).hasSize((int) roadsWritten);
        assertThat(town.openDrive().junctions()).hasSize((int) junctionsWritten).hasSize(12);
        // 17 street segments of a 4 x 3 grid + 2·12 + 6·6 + 4·2 connecting roads
        assertThat(roadsWritten).isEqualTo(17 + 68);
    }

    @Test
    void laneGraphIsStronglyConnected() {
        LaneGraph g = town.graph();
        assertThat(g.size()).isEqualTo(2 * 17 + 68);
        for (int i = 0; i < g.size(); i++) {
            boolean[] seen = g.reachableFrom(i);
            for (boolean s : seen) {
                assertThat(s).as("every lane reachable from %s", g.node(i)).isTrue();
            }
        }
    }

    @Test
    void everyJunctionHasItsLegalManeuvers() {
        assertThat(town.places().junctions())
                .hasSize(12)
                .allSatisfy(j -> assertThat(j.legalManeuvers()).isNotEmpty());
        NamedPlace fourWay = town.places().junctionNamed("Oak St & 2nd Ave").orElseThrow();
        assertThat(fourWay.legalManeuvers())
                .containsExactlyInAnyOrder(Maneuver.TURN_LEFT, Maneuver.TURN_RIGHT, Maneuver.GO_STRAIGHT);
        NamedPlace corner = town.places().junctionNamed("Elm St & 1st Ave").orElseThrow();
        assertThat(corner.legalManeuvers()).containsExactlyInAnyOrder(Maneuver.TURN_LEFT, Maneuver.TURN_RIGHT);
    }

    @Test
    void readsNamesPoisAndSpeedLimitFromTheGeneratedFiles() {
        assertThat(town.places().pois())
                .hasSize(10)
                .extracting(NamedPlace::name)
                .contains("City Hall", "Central Library");
        assertThat(town.places().knows("Elm Street")).isTrue();
        assertThat(town.graph().node(0).speedLimitMps()).isCloseTo(30 / 3.6, org.assertj.core.data.Offset.offset(1e-9));
        for (NamedPlace poi : town.places().pois()) {
            assertThat(town.anchors().get(poi.name())).as(poi.name()).hasSize(2);
            for (NamedPlace j : town.places().junctions()) {
                double clearance = Math.hypot(
                                poi.center().x() - j.center().x(),
                                poi.center().y() - j.center().y())
                        - j.radiusM();
                assertThat(clearance).isGreaterThanOrEqualTo(30);
            }
        }
    }

    @Test
    void regeneratingWritesIdenticalFiles() throws Exception {
        Path again = new TownGenerator(TownSettings.DEFAULT).writeTo(dir.resolve("again"), "default-town");
        assertThat(Files.readString(again)).isEqualTo(xml);
        assertThat(Files.readString(PlacesFile.sidecarOf(again)))
                .isEqualTo(Files.readString(PlacesFile.sidecarOf(dir.resolve("default-town.xodr"))));
    }

    @Test
    void plansRouteBetweenPoisWithLabelledJunctions() {
        LanePosition from = town.anchors().get("City Hall").get(0);
        LanePosition to = town.anchors().get("Central Library").get(0);
        Route route = town.planner().plan(from, to).orElseThrow();
        assertThat(route.lengthM()).isPositive();
        assertThat(route.junctions()).allSatisfy(t -> assertThat(t.exitM()).isGreaterThan(t.entryM()));
        double[] end = new double[3];
        route.polyline().pointAt(route.lengthM(), end);
        NamedPlace library = town.places().poiNamed("Central Library").orElseThrow();
        assertThat(library.contains(end[0], end[1])).isTrue();
    }
}

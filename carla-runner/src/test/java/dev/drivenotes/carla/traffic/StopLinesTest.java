package dev.drivenotes.carla.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.MapInspection;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.opendrive.Road;
import dev.drivenotes.carla.map.places.PlacesFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopLinesTest {

    @TempDir
    static Path dir;

    static LoadedMap stopMap;

    @BeforeAll
    static void load() {
        stopMap = new MapCatalog(Map.of()).load(TestMaps.stopSigns(dir).toString());
    }

    /** "lane road/laneId along" of every distinct stop line. */
    private static Set<String> describe(LoadedMap map, StopLines lines) {
        Set<String> out = new TreeSet<>();
        for (StopLines.StopLine line : lines.lines()) {
            LaneNode n = map.graph().node(line.lane());
            out.add(n.roadId() + "/" + n.laneId() + (line.alongM() == n.lengthM() ? " end" : " " + line.alongM()));
        }
        return out;
    }

    @Test
    void aSignAtTheJunctionOrOnItsConnectingRoadsStopsTheApproachAtTheJunctionEntry() {
        StopLines lines = TrafficNetwork.of(stopMap).stopLines();

        // west: an R1-1 on the incoming road 1 m before the junction; east: a 206 on the straight
        // connecting road, referenced from the two turning ones; north-south has priority
        assertThat(describe(stopMap, lines)).containsExactly("1/-1 end", "2/1 end");
        assertThat(lines.lines())
                .extracting(StopLines.StopLine::signalId)
                .containsExactlyInAnyOrder("stop-west", "stop-east", "stop-east", "stop-east");
        double[] point = new double[3];
        for (StopLines.StopLine line : lines.lines()) {
            LaneNode lane = stopMap.graph().node(line.lane());
            assertThat(lines.alongM(line.lane())).containsExactly(line.alongM());
            lane.polyline().pointAt(line.alongM(), point);
            // the junction's edge is 12 m from its centre; the lanes' centres 1.75 m off the road's
            assertThat(Math.abs(point[0])).as("x of %s", lane).isCloseTo(12, within(1e-6));
            assertThat(point[1]).as("y of %s", lane).isCloseTo(point[0] > 0 ? 1.75 : -1.75, within(1e-6));
        }
        assertThat(lines.controls("100")).isTrue();
    }

    @Test
    void aStopControlledJunctionGetsNoGeneratedLights() {
        TrafficNetwork net = TrafficNetwork.of(stopMap);

        assertThat(net.signals().junctionCount()).isZero();
        for (int lane = 0; lane < stopMap.graph().size(); lane++) {
            assertThat(net.signals().junctionOf(lane)).isEqualTo(-1);
        }
    }

    @Test
    void aSignAwayFromJunctionsStopsAtItsOwnPosition() {
        OpenDriveMap features = TestMaps.features();
        LoadedMap map = LoadedMap.of("features.xodr", features, (PlacesFile) null);

        StopLines lines = TrafficNetwork.of(map).stopLines();

        // stop1: road 1 ("Curvy", its predecessor a road) at s = 10, orientation "-": lane 1
        assertThat(lines.lines()).hasSize(1);
        StopLines.StopLine line = lines.lines().getFirst();
        LaneNode lane = map.graph().node(line.lane());
        assertThat(lane.roadId()).isEqualTo("1");
        assertThat(lane.laneId()).isEqualTo(1);
        double[] point = new double[3];
        lane.polyline().pointAt(line.alongM(), point);
        double[] reference = new double[3];
        Road road = features.roads().get("1");
        road.referencePose(10, reference);
        double alongRoadM =
                (point[0] - reference[0]) * Math.cos(reference[2]) + (point[1] - reference[1]) * Math.sin(reference[2]);
        assertThat(alongRoadM).as("offset along the road from s = 10").isCloseTo(0, within(0.3));
        assertThat(lines.controls("100")).isFalse();
    }

    @Test
    void mapsWithoutStopSignsHaveNoStopLines() {
        LoadedMap straight = LoadedMap.of("straight", TestMaps.straight(100, 1, 1, "broken"), null);

        assertThat(TrafficNetwork.of(straight).stopLines().isEmpty()).isTrue();
        assertThat(TrafficNetwork.of(straight).stopLines().alongM(0)).isEmpty();
    }

    @Test
    void mapInspectionCountsTheTwoStopSignsButNotTheirReferences() {
        MapInspection inspection = MapInspection.of(stopMap.openDrive(), stopMap.graph());

        assertThat(inspection.stopSigns()).isEqualTo(2);
        assertThat(inspection.signals()).isEqualTo(2);
        assertThat(inspection.trafficLights()).isZero();
        assertThat(inspection.junctions()).isEqualTo(1);
        assertThat(inspection.unresolvedLinks()).isZero();
        assertThat(inspection.maxPlanViewGapM()).isZero();
    }
}

package dev.drivenotes.carla.map.opendrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.carla.map.MapInspection;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.map.geometry.ArcGeometry;
import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneGraphBuilder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenDRIVE 1.4–1.7 features of {@code maps/features.xodr}: every planView record type, border
 * lanes, lane offset, several lane sections, elevation, road marks, signals with a reference and a
 * controller, a contactPoint="end" road link and a direct junction.
 */
class OpenDriveFeaturesTest {

    private static final OpenDriveMap MAP = TestMaps.features();
    private static final LaneGraph GRAPH = LaneGraphBuilder.build(MAP);

    private static int node(String road, int section, int lane) {
        return GRAPH.nodes().stream()
                .filter(n -> n.roadId().equals(road) && n.sectionIndex() == section && n.laneId() == lane)
                .findFirst()
                .orElseThrow()
                .index();
    }

    @Test
    void inspectionMatchesTheFileExactly() {
        MapInspection inspection = MapInspection.of(MAP, GRAPH);
        assertThat(inspection.roads()).isEqualTo(5);
        assertThat(inspection.junctions()).isEqualTo(2);
        assertThat(inspection.drivingLanes()).isEqualTo(15);
        assertThat(inspection.totalRoadLengthM()).isCloseTo(50 + 258.79734668208584 + 10 + 40 + 30, within(1e-9));
        assertThat(inspection.maxPlanViewGapM()).isLessThan(1e-3);
        assertThat(inspection.maxHeadingGapRad()).isLessThan(1e-4);
        assertThat(inspection.unresolvedLinks()).isZero();
        assertThat(inspection.trafficLights()).isEqualTo(1);
        assertThat(inspection.stopSigns()).isEqualTo(1);
    }

    @Test
    void keepsEveryPlanViewRecordType() {
        List<String> kinds = MAP.roads().get("1").geometries().stream()
                .map(g -> g.getClass().getSimpleName())
                .toList();
        assertThat(kinds)
                .contains("LineGeometry", "ArcGeometry", "SpiralGeometry", "Poly3Geometry", "ParamPoly3Geometry");
        assertThat(MAP.roads().get("1").geometries())
                .filteredOn(g -> g instanceof ArcGeometry a && a.curvature() < 0)
                .hasSize(1);
    }

    @Test
    void evaluatesElevationLaneOffsetAndSpeedInMph() {
        Road road = MAP.roads().get("1");
        assertThat(road.elevationAt(50)).isCloseTo(1.5, within(1e-12));
        assertThat(road.laneOffsetAt(10)).isCloseTo(0.5, within(1e-12));
        assertThat(road.speedLimitAt(5, 0)).isCloseTo(25 * 0.44704, within(1e-9));
        assertThat(road.types())
                .singleElement()
                .satisfies(t -> assertThat(t.type()).isEqualTo("town"));
        double[] edges = new double[2];
        road.laneEdges(0, -2, 10, edges);
        assertThat(edges).containsExactly(new double[] {0.5 - 3.5, 0.5 - 7}, within(1e-12));
    }

    @Test
    void borderLanesTakeTheirWidthFromTheBorderPolynomial() {
        double[] edges = new double[2];
        MAP.roads().get("1").laneEdges(0, -3, 5, edges);
        assertThat(edges[0] - edges[1]).isCloseTo(2, within(1e-12));
        MAP.roads().get("3").laneEdges(0, -2, 5, edges);
        assertThat(edges).containsExactly(new double[] {-3.5, -6.5}, within(1e-12));
        assertThat(MAP.roads().get("1").sections().get(0).lane(-3).driving()).isFalse();
    }

    @Test
    void roadMarksDecideWhereLaneChangesAreLegal() {
        Road road = MAP.roads().get("1");
        assertThat(road.boundaryMarkAt(10, -1, -2).type()).isEqualTo(RoadMark.Type.BROKEN);
        assertThat(road.crossingAllowed(10, -1, -2)).isTrue();
        assertThat(road.crossingAllowed(70, -1, -2))
                .as("solid on the lower-id side")
                .isTrue();
        assertThat(road.crossingAllowed(70, -2, -1)).isFalse();
        assertThat(road.crossingAllowed(10, -1, 1))
                .as("solid solid centre line")
                .isFalse();
        assertThat(road.crossingAllowed(150, -1, 1)).as("laneChange=none wins").isFalse();
        assertThat(road.crossingAllowed(150, -1, -2)).isFalse();
        assertThat(road.crossingAllowed(10, -1, -3)).as("not adjacent").isFalse();
        assertThat(MAP.roads().get("3").crossingAllowed(5, -2, -1)).isTrue();
        assertThat(MAP.roads().get("3").crossingAllowed(5, -1, -2)).isFalse();
    }

    @Test
    void laneGraphHasLaneChangeEdgesOnlyWhereMarksAllow() {
        int right1 = node("1", 0, -1);
        int right2 = node("1", 0, -2);
        assertThat(GRAPH.rightChange(right1)).isEqualTo(right2);
        assertThat(GRAPH.leftChange(right2)).isEqualTo(right1);
        assertThat(GRAPH.leftChange(right1)).as("opposite direction").isEqualTo(-1);
        assertThat(GRAPH.rightChange(node("1", 1, -1))).isEqualTo(-1);
        assertThat(GRAPH.leftChange(node("3", 0, -2))).isEqualTo(node("3", 0, -1));
        assertThat(GRAPH.rightChange(node("3", 0, -1))).isEqualTo(-1);
    }

    @Test
    void followsContactPointEndLinksAndDirectJunctions() {
        assertThat(MAP.roads().get("1").predecessor().contactPoint()).isEqualTo(ContactPoint.END);
        assertThat(GRAPH.successors(node("5", 0, -1))).contains(node("1", 0, -1));
        assertThat(GRAPH.successors(node("1", 0, 1))).contains(node("5", 0, 1));
        assertThat(MAP.junctions().get("200").direct()).isTrue();
        assertThat(GRAPH.successors(node("2", 0, -1))).contains(node("3", 0, -1));
        assertThat(GRAPH.successors(node("1", 1, -1))).contains(node("101", 0, -1));
    }

    @Test
    void readsSignalsWithWorldPoseValidityAndKind() {
        Signal light = MAP.signals().get("s1");
        assertThat(light.kind()).isEqualTo(Signal.Kind.TRAFFIC_LIGHT);
        assertThat(light.appliesTo(-2)).isTrue();
        assertThat(light.appliesTo(1)).isFalse();
        Road road = MAP.roads().get("1");
        double[] pose = new double[3];
        road.referencePose(light.s(), pose);
        assertThat(light.x()).isCloseTo(pose[0] + 7 * Math.sin(pose[2]), within(1e-9));
        assertThat(light.y()).isCloseTo(pose[1] - 7 * Math.cos(pose[2]), within(1e-9));
        assertThat(light.z()).isCloseTo(road.elevationAt(light.s()) + 2, within(1e-9));
        assertThat(light.trafficHeadingRad()).isCloseTo(pose[2], within(1e-9));
        Signal stop = MAP.signals().get("stop1");
        assertThat(stop.kind()).isEqualTo(Signal.Kind.STOP_SIGN);
        assertThat(stop.appliesTo(1)).isTrue();
        assertThat(stop.appliesTo(-1)).isFalse();
    }

    @Test
    void resolvesSignalReferencesControllersAndJunctionGroups() {
        assertThat(MAP.signalsFor("101", -1)).singleElement().satisfies(p -> {
            assertThat(p.signal().id()).isEqualTo("s1");
            assertThat(p.reference()).isTrue();
        });
        assertThat(MAP.signalsFor("101", 1)).isEmpty();
        assertThat(MAP.signalsFor("1", -1)).extracting(p -> p.signal().id()).containsExactly("s1");
        assertThat(MAP.trafficLightGroups("100"))
                .singleElement()
                .satisfies(c -> assertThat(c.signalIds()).containsExactly("s1"));
        assertThat(MAP.trafficLightGroups("200")).isEmpty();
        assertThat(MAP.header().geoReference()).startsWith("+proj=tmerc");
        assertThat(MAP.header().revMinor()).isEqualTo(6);
    }

    @Test
    void everyDrivingLaneOfTheChainHasASuccessorExceptTheDeadEnds() {
        long deadEnds = GRAPH.nodes().stream()
                .filter(n -> GRAPH.successors(n.index()).length == 0)
                .count();
        assertThat(deadEnds).isPositive().isLessThan(GRAPH.size());
        assertThat(Arrays.stream(GRAPH.successors(node("101", 0, -1)))).contains(node("2", 0, -1));
    }
}

package dev.drivenotes.carla.episode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneGraphBuilder;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import org.junit.jupiter.api.Test;

/** On the map module's feature map: road 1 has a broken line between -1 and -2 and a double solid centre line near s = 10. */
class LaneInvasionDetectorTest {

    private static final OpenDriveMap MAP = TestMaps.features();
    private static final LaneGraph GRAPH = LaneGraphBuilder.build(MAP);

    private static LaneNode lane(int laneId) {
        return GRAPH.nodes().stream()
                .filter(n -> n.roadId().equals("1") && n.sectionIndex() == 0 && n.laneId() == laneId)
                .findFirst()
                .orElseThrow();
    }

    private static boolean drive(LaneInvasionDetector detector, LaneNode lane, double alongM, int steps) {
        boolean invaded = false;
        for (int i = 0; i < steps; i++) {
            invaded |= detector.update(lane, alongM);
        }
        return invaded;
    }

    @Test
    void crossingTheSolidCentreLineIsAnInvasionOnceTheNewLaneSettles() {
        LaneInvasionDetector detector = new LaneInvasionDetector(MAP);
        drive(detector, lane(-1), 10, 10);
        LaneNode opposite = lane(1);

        assertThat(drive(detector, opposite, opposite.lengthM() - 10, LaneInvasionDetector.SETTLE_STEPS - 1))
                .isFalse();
        assertThat(detector.update(opposite, opposite.lengthM() - 10)).isTrue();
        assertThat(drive(detector, opposite, opposite.lengthM() - 10, 20))
                .as("reported once")
                .isFalse();
    }

    @Test
    void crossingABrokenLineIsNoInvasion() {
        LaneInvasionDetector detector = new LaneInvasionDetector(MAP);
        drive(detector, lane(-1), 10, 10);

        assertThat(drive(detector, lane(-2), 10, 10)).isFalse();
    }

    @Test
    void aMatcherFlickeringAcrossTheLineForFewerThanTheSettleStepsIsNoInvasion() {
        LaneInvasionDetector detector = new LaneInvasionDetector(MAP);
        drive(detector, lane(-1), 10, 10);
        LaneNode opposite = lane(1);
        boolean invaded = false;
        for (int i = 0; i < 20; i++) {
            invaded |= drive(detector, opposite, opposite.lengthM() - 10, 2);
            invaded |= drive(detector, lane(-1), 10, 2);
        }
        assertThat(invaded).isFalse();
    }
}

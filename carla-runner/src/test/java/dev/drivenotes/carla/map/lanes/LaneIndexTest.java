package dev.drivenotes.carla.map.lanes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.carla.map.TestMaps;
import org.junit.jupiter.api.Test;

/**
 * Lane matching on a straight 100 m road along +x: right lanes -1 and -2 (centres y = -1.75 and
 * -5.25, driving along +x), left lane 1 (centre y = 1.75, driving along -x).
 */
class LaneIndexTest {

    private static final LaneGraph GRAPH = LaneGraphBuilder.build(TestMaps.straight(100, 2, 1, "broken"));
    private static final LaneIndex INDEX = new LaneIndex(GRAPH);

    private static LaneIndex.Match match(double x, double y, double yawRad) {
        LaneIndex.Match m = new LaneIndex.Match();
        INDEX.match(x, y, yawRad, m);
        return m;
    }

    private static int laneId(LaneIndex.Match m) {
        return GRAPH.node(m.node()).laneId();
    }

    @Test
    void findsTheLaneAtAPositionWithTheDistanceAlongIt() {
        LaneIndex.Match m = match(30, -5.0, 0);
        assertThat(laneId(m)).isEqualTo(-2);
        assertThat(m.alongM()).isCloseTo(30, within(1e-9));
        assertThat(m.outsideM()).as("inside: negative").isCloseTo(0.25 - 1.75, within(1e-9));
    }

    @Test
    void measuresALeftLaneAlongItsOwnDrivingDirection() {
        LaneIndex.Match m = match(30, 2.0, Math.PI);
        assertThat(laneId(m)).isEqualTo(1);
        assertThat(m.alongM()).isCloseTo(70, within(1e-9));
    }

    @Test
    void onTheLineBetweenTwoLanesPrefersTheOneRunningAlongTheHeading() {
        assertThat(laneId(match(50, 0, 0.05))).isEqualTo(-1);
        assertThat(laneId(match(50, 0, Math.PI - 0.05))).isEqualTo(1);
    }

    @Test
    void offTheRoadNearALaneFindsItAndSaysHowFarOutsideItIs() {
        double outerEdgeY = -2 * TestMaps.LANE_WIDTH_M;
        LaneIndex.Match m = match(40, outerEdgeY - 0.8, 0);
        assertThat(laneId(m)).isEqualTo(-2);
        assertThat(m.outsideM()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void farFromEveryLaneMatchesNothing() {
        for (double y : new double[] {-20, -40, 300}) {
            LaneIndex.Match m = match(50, y, 0);
            assertThat(m.node()).as("y = %s", y).isEqualTo(-1);
            assertThat(m.outsideM()).isInfinite();
        }
    }

    @Test
    void theNearestOfTwoLanesWinsOverAMatchingHeading() {
        // inside lane -1 but heading against it: still lane -1, its area holds the position
        assertThat(laneId(match(50, -1.75, Math.PI))).isEqualTo(-1);
    }
}

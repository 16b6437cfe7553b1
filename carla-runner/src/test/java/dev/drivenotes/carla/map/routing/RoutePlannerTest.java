package dev.drivenotes.carla.map.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneGraphBuilder;
import dev.drivenotes.carla.map.lanes.LanePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutePlannerTest {

    @TempDir
    static Path dir;

    static LoadedMap town;

    @BeforeAll
    static void town() {
        town = TestMaps.defaultTown(dir);
    }

    /**
     * The cheapest cost from {@code from} to {@code to} by Dijkstra over successor edges (a quadratic
     * scan, independent of the planner's A*): the rest of the first lane, every lane passed whole and
     * the offset into the last; infinite when unreachable.
     */
    private static double cheapest(LaneGraph graph, LanePosition from, LanePosition to) {
        if (from.node() == to.node() && from.offsetM() <= to.offsetM()) {
            return to.offsetM() - from.offsetM();
        }
        double[] start = new double[graph.size()];
        Arrays.fill(start, Double.POSITIVE_INFINITY);
        boolean[] done = new boolean[graph.size()];
        for (int s : graph.successors(from.node())) {
            start[s] = Math.min(start[s], graph.node(from.node()).lengthM() - from.offsetM());
        }
        while (true) {
            int best = -1;
            for (int i = 0; i < graph.size(); i++) {
                if (!done[i] && start[i] < Double.POSITIVE_INFINITY && (best < 0 || start[i] < start[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                return Double.POSITIVE_INFINITY;
            }
            if (best == to.node()) {
                return start[best] + to.offsetM();
            }
            done[best] = true;
            for (int s : graph.successors(best)) {
                start[s] = Math.min(start[s], start[best] + graph.node(best).lengthM());
            }
        }
    }

    /** The cost of a planned route by the same rule, from its nodes. */
    private static double cost(LaneGraph graph, Route route, LanePosition from, LanePosition to) {
        int[] nodes = route.nodes();
        if (nodes.length == 1) {
            return to.offsetM() - from.offsetM();
        }
        double sum = graph.node(nodes[0]).lengthM() - from.offsetM() + to.offsetM();
        for (int i = 1; i + 1 < nodes.length; i++) {
            sum += graph.node(nodes[i]).lengthM();
        }
        return sum;
    }

    /** The node of lane {@code laneId} of a one-road map. */
    private static int node(LaneGraph graph, int laneId) {
        return graph.nodes().stream()
                .filter(n -> n.laneId() == laneId)
                .findFirst()
                .orElseThrow()
                .index();
    }

    private static void assertFollowsSuccessors(LaneGraph graph, Route route) {
        int[] nodes = route.nodes();
        for (int i = 0; i + 1 < nodes.length; i++) {
            assertThat(graph.successors(nodes[i]))
                    .as("step %d of %s", i, Arrays.toString(nodes))
                    .contains(nodes[i + 1]);
        }
    }

    @Test
    void findsTheShortestRouteBetweenEveryPairOfPlaces() {
        List<LanePosition> positions = new ArrayList<>();
        town.anchors().values().forEach(positions::addAll);
        assertThat(positions).hasSizeGreaterThan(20);
        LaneGraph graph = town.graph();
        int planned = 0;
        for (LanePosition from : positions) {
            for (LanePosition to : positions) {
                double expected = cheapest(graph, from, to);
                Optional<Route> route = town.planner().plan(from, to);
                assertThat(route.isPresent()).as("%s to %s", from, to).isEqualTo(expected < Double.POSITIVE_INFINITY);
                if (route.isPresent()) {
                    assertFollowsSuccessors(graph, route.get());
                    assertThat(cost(graph, route.get(), from, to)).isCloseTo(expected, within(1e-6));
                    assertThat(route.get().lengthM()).isCloseTo(expected, within(0.01));
                    planned++;
                }
            }
        }
        assertThat(planned).isGreaterThan(positions.size() * positions.size() / 2);
    }

    @Test
    void aDestinationBehindTheStartOnTheSameLaneIsReachedByGoingAround() {
        LanePosition from = town.anchors().get("City Hall").get(0);
        LanePosition behind = new LanePosition(from.node(), from.offsetM() - 10);
        Route route = town.planner().plan(from, behind).orElseThrow();
        int[] nodes = route.nodes();
        assertThat(nodes[0]).isEqualTo(from.node());
        assertThat(nodes[nodes.length - 1]).isEqualTo(from.node());
        assertThat(route.lengthM()).isCloseTo(cheapest(town.graph(), from, behind), within(0.01));
    }

    @Test
    void aLaneDrivingTheOtherWayWithoutAJunctionIsUnreachable() {
        LaneGraph graph = LaneGraphBuilder.build(TestMaps.straight(100, 1, 1, "broken"));
        RoutePlanner planner = new RoutePlanner(graph);
        int right = node(graph, -1);
        int left = node(graph, 1);
        assertThat(planner.plan(new LanePosition(right, 10), new LanePosition(left, 50)))
                .isEmpty();
        assertThat(planner.plan(new LanePosition(right, 50), new LanePosition(right, 10)))
                .as("a dead end: nothing leads back")
                .isEmpty();
        assertThat(planner.plan(new LanePosition(right, 10), new LanePosition(right, 50)))
                .hasValueSatisfying(r -> assertThat(r.lengthM()).isCloseTo(40, within(1e-9)));
    }

    /**
     * A route joins lane centres end to start, so it follows successor edges only: a lane change,
     * even where the road marks allow one, is the driver's choice and never part of a route.
     */
    @Test
    void neverChangesLanesEvenWhereTheMarksAllowIt() {
        LaneGraph graph = LaneGraphBuilder.build(TestMaps.straight(100, 2, 0, "broken"));
        int inner = node(graph, -1);
        int outer = node(graph, -2);
        assertThat(graph.rightChange(inner)).as("the marks allow the change").isEqualTo(outer);
        assertThat(new RoutePlanner(graph).plan(new LanePosition(inner, 10), new LanePosition(outer, 90)))
                .isEmpty();
    }
}

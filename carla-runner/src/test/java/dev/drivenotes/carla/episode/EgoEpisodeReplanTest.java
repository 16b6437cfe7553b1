package dev.drivenotes.carla.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.sensor.NavigationSensor;
import dev.drivenotes.model.sim.SimulationState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The navigation after a missed turn: the ego's true poses follow another route than the planned one
 * through the same first junction (it takes another exit), and the navigation replans to the same
 * destination.
 */
class EgoEpisodeReplanTest {

    private static final double STEP_S = MissedTurnFixtures.STEP_S;
    private static final double SPEED_MPS = MissedTurnFixtures.SPEED_MPS;

    @TempDir
    static Path dir;

    static LoadedMap map;

    @BeforeAll
    static void load() {
        map = TestMaps.defaultTown(dir);
    }

    @Test
    void inAJunctionTheTruthNamesItsExitsFromWhereTheEgoEnteredAndNoneOutside() {
        MissedTurnFixtures.MissedTurn turn = MissedTurnFixtures.find(map);
        EgoEpisode episode = MissedTurnFixtures.episode(map, turn.planned());
        List<SimulationState> states =
                MissedTurnFixtures.driveAlong(episode, turn.driven().route().polyline());
        String first = turn.planned().route().junctions().getFirst().junctionId();

        List<SimulationState> inFirst = states.stream()
                .filter(s -> first.equals(s.truth().junctionId()))
                .toList();
        assertThat(inFirst)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.truth().junctionExits())
                        .as("both routes' maneuvers leave this junction from the same lane")
                        .contains(
                                turn.planned().route().junctions().getFirst().maneuver(),
                                turn.driven().route().junctions().getFirst().maneuver()));
        assertThat(states)
                .filteredOn(s -> !s.truth().inJunction())
                .allSatisfy(s -> assertThat(s.truth().junctionExits()).isNull());
    }

    @Test
    void takingAnotherExitReplansOnceToTheSameDestination() {
        MissedTurnFixtures.MissedTurn turn = MissedTurnFixtures.find(map);
        EgoEpisode episode = MissedTurnFixtures.episode(map, turn.planned());
        List<SimulationState> states =
                MissedTurnFixtures.driveAlong(episode, turn.driven().route().polyline());

        List<Integer> replans = new ArrayList<>();
        for (int k = 0; k < states.size(); k++) {
            if (states.get(k).observation().replanned()) {
                replans.add(k);
            }
        }
        assertThat(replans).hasSize(1);
        int at = replans.getFirst();
        double exitM = turn.driven().route().junctions().getFirst().exitM();
        double replanM = at * SPEED_MPS * STEP_S;
        assertThat(replanM)
                .as("replans after leaving the junction by the other exit, within a few seconds")
                .isBetween(turn.planned().route().junctions().getFirst().entryM(), exitM + 30);

        PlannedRoute now = episode.plan();
        assertThat(now.destination()).isEqualTo(turn.planned().destination());
        assertThat(now.route().end()).isEqualTo(turn.planned().route().end());
        SimulationState after = states.get(at);
        assertThat(after.observation().nextPoi()).isIn(now.pois());
        assertThat(after.observation().distanceToGoM())
                .as("describes the new plan from where the ego is")
                .isCloseTo(now.route().lengthM(), within(2 * SPEED_MPS * STEP_S));
        assertThat(after.route())
                .as("the state's route stays the requested one")
                .isEqualTo(turn.planned().info());
        assertThat(states.subList(0, at))
                .as("the ego was off its route before the replan")
                .anyMatch(s -> s.truth().routeDeviation());
        for (int k = 1; k < states.size(); k++) {
            assertThat(states.get(k).truth().routeCompletion())
                    .isGreaterThanOrEqualTo(states.get(k - 1).truth().routeCompletion());
        }
    }

    @Test
    void aCorrectDriveNeverReplans() {
        MissedTurnFixtures.MissedTurn turn = MissedTurnFixtures.find(map);
        List<SimulationState> states = MissedTurnFixtures.driveAlong(
                MissedTurnFixtures.episode(map, turn.planned()),
                turn.planned().route().polyline());

        assertThat(states).noneMatch(s -> s.observation().replanned());
        assertThat(states.getLast().truth().routeCompletion()).isGreaterThan(0.95);
    }

    @ParameterizedTest
    @CsvSource({"-2, false", "4, true"})
    void replansOnlyWhenOffTheRouteForTheHysteresisTime(int stepsBeyondHysteresis, boolean expected) {
        MissedTurnFixtures.MissedTurn turn = MissedTurnFixtures.find(map);
        PlannedRoute plan = turn.planned();
        NavigationSensor navigation = new NavigationSensor(plan, map.graph(), map.matcher(), map.router(), STEP_S);
        int otherLane = otherLane(turn);
        Polyline path = plan.route().polyline();
        double[] p = new double[3];
        int offSteps = (int) Math.round(NavigationSensor.OFF_ROUTE_S / STEP_S) + stepsBeyondHysteresis;
        boolean replanned = false;
        for (int k = 0; k < 200; k++) {
            path.pointAt(k * SPEED_MPS * STEP_S, p);
            // 8 m sideways, on a lane the route does not use, from step 20 on for offSteps steps
            boolean off = k >= 20 && k < 20 + offSteps;
            double sideM = off ? 8 : 0;
            navigation.update(
                    p[0] - sideM * Math.sin(p[2]),
                    p[1] + sideM * Math.cos(p[2]),
                    off ? otherLane : plan.route().nodes()[0],
                    0);
            replanned |= navigation.replanned();
        }
        assertThat(replanned).isEqualTo(expected);
        assertThat(navigation.plan() != plan).isEqualTo(expected);
    }

    /** A lane of the driven route after its first junction that the planned route does not use. */
    private static int otherLane(MissedTurnFixtures.MissedTurn turn) {
        for (int node : turn.driven().route().nodes()) {
            if (!turn.planned().route().uses(node) && map.graph().node(node).junctionId() == null) {
                return node;
            }
        }
        throw new AssertionError("the routes share every lane");
    }
}

package dev.drivenotes.carla.sim.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.carla.episode.PurePursuitDriver;
import dev.drivenotes.carla.episode.RouteChooser;
import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.sim.SimulationFinishedException;
import dev.drivenotes.carla.sim.SimulationLimitException;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.carla.sim.UnknownSimulationException;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.RouteSpec;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSimulatorTest {

    @TempDir
    static Path dir;

    static MapCatalog maps;

    @BeforeAll
    static void catalog() {
        maps = TestMaps.defaultTownCatalog(dir);
    }

    private static CreateSimulationRequest request(long seed, RouteSpec route, int maxSteps) {
        return new CreateSimulationRequest("default-town", seed, route, maxSteps, 0, 1.0, 0, 0.05, null, 0, null);
    }

    /** Drives with the pure-pursuit driver until the episode ends; destroys the simulation. */
    private static List<SimulationState> driveToEnd(Simulator sim, CreateSimulationRequest request) {
        SimulationState state = sim.create(request);
        List<SimulationState> states = new ArrayList<>(List.of(state));
        try {
            while (!state.done()) {
                state = sim.step(state.simulationId(), PurePursuitDriver.drive(state.observation()));
                states.add(state);
            }
        } finally {
            sim.destroy(state.simulationId());
        }
        return states;
    }

    @Test
    void drivesSeededRouteToDestination() {
        List<SimulationState> states = driveToEnd(new EmbeddedSimulator(maps), request(7, null, 4000));
        SimulationState first = states.get(0);
        SimulationState last = states.get(states.size() - 1);
        assertThat(first.route().lengthM()).isGreaterThanOrEqualTo(RouteChooser.MIN_LENGTH_M);
        assertThat(first.route().maneuvers()).isNotEmpty();
        assertThat(first.observation().routeWaypoints()).hasSize(10);
        assertThat(last.termination()).isEqualTo(Termination.REACHED_DESTINATION);
        assertThat(last.truth().place()).isEqualTo(first.route().destination());
        assertThat(last.observation().nextPoi()).isEqualTo(first.route().destination());
        assertThat(last.truth().routeCompletion()).isGreaterThan(0.97);
        assertThat(states).noneMatch(s -> s.truth().offRoad());
        assertThat(states.stream().filter(s -> s.truth().inJunction()).count()).isPositive();
        assertThat(states.stream().mapToDouble(s -> s.truth().routeCompletion()))
                .isSorted();
    }

    @Test
    void junctionManeuverIsAnnouncedBeforeAndInsideTheJunction() {
        List<SimulationState> states = driveToEnd(new EmbeddedSimulator(maps), request(7, null, 4000));
        Maneuver firstTurn = states.get(0).route().maneuvers().get(0);
        SimulationState entering =
                states.stream().filter(s -> s.truth().inJunction()).findFirst().orElseThrow();
        int i = states.indexOf(entering);
        Observation before = states.get(i - 5).observation();
        assertThat(before.nextManeuver()).isEqualTo(firstTurn);
        assertThat(before.distanceToManeuverM()).isPositive();
        Observation inside = states.get(i + 3).observation();
        assertThat(inside.nextManeuver()).isEqualTo(firstTurn);
        assertThat(inside.distanceToManeuverM()).isZero();
    }

    @Test
    void sameSeedAndControlsGiveIdenticalStates() {
        List<SimulationState> a = driveToEnd(new EmbeddedSimulator(maps), request(11, null, 300));
        List<SimulationState> b = driveToEnd(new EmbeddedSimulator(maps), request(11, null, 300));
        assertThat(a).hasSameSizeAs(b);
        List<GroundTruth> truthA = a.stream().map(SimulationState::truth).toList();
        List<Observation> obsA = a.stream().map(SimulationState::observation).toList();
        assertThat(b.stream().map(SimulationState::truth).toList()).isEqualTo(truthA);
        assertThat(b.stream().map(SimulationState::observation).toList()).isEqualTo(obsA);
    }

    @Test
    void drivesRequestedRouteBetweenNamedPlaces() {
        Simulator sim = new EmbeddedSimulator(maps);
        SimulationState s = sim.create(request(1, new RouteSpec("City Hall", "Oak St & 3rd Ave"), 10));
        assertThat(s.route().start()).isEqualTo("City Hall");
        assertThat(s.route().destination()).isEqualTo("Oak St & 3rd Ave");
        assertThat(s.truth().place()).isEqualTo("City Hall");
        sim.destroy(s.simulationId());
    }

    @Test
    void endsOffRoadWhenSteeringHardRight() {
        Simulator sim = new EmbeddedSimulator(maps);
        SimulationState s = sim.create(request(3, null, 2000));
        while (!s.done()) {
            s = sim.step(s.simulationId(), new Control(1, 0.6, 0));
        }
        assertThat(s.termination()).isEqualTo(Termination.OFF_ROAD);
        assertThat(s.truth().offRoad()).isTrue();
        String id = s.simulationId();
        assertThatThrownBy(() -> sim.step(id, Control.IDLE)).isInstanceOf(SimulationFinishedException.class);
        sim.destroy(id);
    }

    @Test
    void endsAtMaxSteps() {
        Simulator sim = new EmbeddedSimulator(maps);
        SimulationState s = sim.create(request(3, null, 5));
        for (int i = 0; i < 5; i++) {
            s = sim.step(s.simulationId(), Control.IDLE);
        }
        assertThat(s.termination()).isEqualTo(Termination.MAX_STEPS);
        assertThat(s.step()).isEqualTo(5);
        sim.destroy(s.simulationId());
    }

    @Test
    void rejectsUnknownPlacesAndIds() {
        Simulator sim = new EmbeddedSimulator(maps);
        assertThatThrownBy(() -> sim.create(request(1, new RouteSpec("Nowhere", "City Hall"), 10)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("route.from"));
        assertThatThrownBy(() -> sim.state("sim-unknown")).isInstanceOf(UnknownSimulationException.class);
        assertThatThrownBy(() -> sim.destroy("sim-unknown")).isInstanceOf(UnknownSimulationException.class);
    }

    @Test
    void refusesMoreThanTheLiveLimit() {
        EmbeddedSimulator sim = new EmbeddedSimulator(maps);
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < EmbeddedSimulator.MAX_LIVE; i++) {
                ids.add(sim.create(request(5, new RouteSpec("City Hall", "Central Library"), 10))
                        .simulationId());
            }
            assertThatThrownBy(() -> sim.create(request(5, null, 10))).isInstanceOf(SimulationLimitException.class);
        } finally {
            ids.forEach(sim::destroy);
        }
        assertThat(sim.liveCount()).isZero();
    }
}

package dev.drivenotes.carla.sim.carla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.carla.client.CarlaEndpoint;
import dev.drivenotes.carla.episode.PurePursuitDriver;
import dev.drivenotes.carla.fake.FakeCarlaServer;
import dev.drivenotes.carla.fake.FakeSettings;
import dev.drivenotes.carla.fake.FakeTowns;
import dev.drivenotes.carla.fake.FakeWorld;
import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.sim.SimulationLimitException;
import dev.drivenotes.carla.sim.SimulatorFailureException;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CARLA backend against the protocol fake: setup, stepping, failures and what it leaves behind. */
class CarlaSimulatorTest {

    @TempDir
    static Path dir;

    static FakeTowns.Town town;
    static MapCatalog catalog;
    static String mapRef;

    FakeCarlaServer server;
    FakeWorld world;
    CarlaSimulator simulator;

    @BeforeAll
    static void fetchTheMapOnce() throws Exception {
        town = FakeTowns.town(dir);
        try (FakeCarlaServer first = FakeCarlaServer.start(town.world())) {
            ServerMap map = ServerMap.fetch(
                    endpoint(first, Duration.ofSeconds(5)), "", Duration.ofSeconds(5), dir.resolve("carla"));
            mapRef = map.name();
            catalog = new MapCatalog(Map.of(map.name(), map::xodr));
            catalog.load(mapRef);
        }
    }

    static CarlaEndpoint endpoint(FakeCarlaServer s, Duration callTimeout) {
        return new CarlaEndpoint("127.0.0.1", s.port(), Duration.ofSeconds(2), callTimeout);
    }

    @BeforeEach
    void start() throws Exception {
        world = town.world();
        server = FakeCarlaServer.start(world);
        simulator = new CarlaSimulator(endpoint(server, Duration.ofSeconds(3)), catalog, mapRef);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static CreateSimulationRequest request(long seed, int npcs, int maxSteps) {
        return new CreateSimulationRequest(mapRef, seed, null, maxSteps, npcs, 0.5, 0, 0.05, null, 0, null);
    }

    private List<SimulationState> drive(String id, SimulationState first, int steps) {
        List<SimulationState> states = new ArrayList<>(List.of(first));
        SimulationState s = first;
        for (int i = 0; i < steps && !s.done(); i++) {
            s = simulator.step(id, PurePursuitDriver.drive(s.observation()));
            states.add(s);
        }
        return states;
    }

    @Test
    void drivesTheRouteInSynchronousModeAndGivesTheWorldBackAsItWas() {
        SimulationState first = simulator.create(request(3, 6, 5000));

        assertThat(world.settings().synchronousMode()).isTrue();
        assertThat(world.settings().fixedDeltaSeconds()).isEqualTo(0.05);
        assertThat(world.spawnedTypes()).startsWith("vehicle.tesla.model3", "sensor.other.collision");
        int ego = world.spawnedActors().getFirst();
        assertThat(world.attributeOf(ego, "role_name")).isEqualTo("hero");
        assertThat(first.step()).isZero();
        assertThat(first.truth().pose().x())
                .isCloseTo(
                        first.route().start() == null ? 0 : first.truth().pose().x(),
                        org.assertj.core.data.Offset.offset(1e-9));

        List<String> before = world.calls();
        List<SimulationState> states = drive(first.simulationId(), first, 300);

        SimulationState last = states.getLast();
        assertThat(last.truth().routeCompletion()).isGreaterThan(0.1);
        assertThat(states).noneMatch(s -> s.termination() == Termination.OFF_ROAD);
        List<String> perStep =
                world.calls().subList(before.size(), world.calls().size());
        assertThat(perStep).hasSize(2 * (states.size() - 1));
        for (int i = 0; i < perStep.size(); i += 2) {
            assertThat(perStep.subList(i, i + 2)).containsExactly("apply_batch", "tick_cue");
        }

        simulator.destroy(first.simulationId());

        assertThat(world.spawnedActors()).isEmpty();
        assertThat(world.settings()).isEqualTo(FakeSettings.DEFAULT);
    }

    @Test
    void backgroundVehiclesStandWhereTheTrafficModelPutsThemWithPhysicsOff() {
        SimulationState s = simulator.create(request(5, 4, 5000));
        List<Integer> npcs =
                world.spawnedActors().subList(2, world.spawnedActors().size());
        assertThat(npcs).isNotEmpty();
        drive(s.simulationId(), s, 40);

        for (int npc : npcs) {
            assertThat(world.physicsOf(npc)).isFalse();
            assertThat(world.attributeOf(npc, "role_name")).isEqualTo(Blueprints.NPC_ROLE);
        }
        float[] moved = world.transformOf(npcs.getFirst());
        assertThat(moved[0] != 0 || moved[1] != 0).isTrue();
        simulator.destroy(s.simulationId());
    }

    @Test
    void aStaticHitOfTheCollisionSensorIsOneCollisionOnTheStepItArrives() {
        SimulationState s = simulator.create(request(3, 0, 5000));
        world.hitStaticAtFrame(world.frame() + 3, "static.building");

        List<SimulationState> states = drive(s.simulationId(), s, 30);

        // the event travels on its own connection: it counts once, on its frame's step or, when it comes
        // late (a loaded machine), on the first step after it arrived; never before its frame
        List<Integer> hits = states.stream()
                .filter(st -> st.truth().collision())
                .map(SimulationState::step)
                .toList();
        assertThat(hits).hasSize(1);
        assertThat(hits.getFirst()).isGreaterThanOrEqualTo(3);
        assertThat(states.get(hits.getFirst()).truth().collisionWith()).isEqualTo("static");
        simulator.destroy(s.simulationId());
    }

    @Test
    void aRefusedTickFailsTheSimulationWithTheReasonAndCleansUp() {
        SimulationState s = simulator.create(request(3, 3, 5000));
        world.failCall("tick_cue", "episode not ready");

        assertThatThrownBy(() -> simulator.step(s.simulationId(), PurePursuitDriver.drive(s.observation())))
                .isInstanceOf(SimulatorFailureException.class)
                .hasMessageContaining("refused tick_cue: episode not ready");

        assertThat(world.spawnedActors()).isEmpty();
        assertThat(world.settings()).isEqualTo(FakeSettings.DEFAULT);
        assertThatThrownBy(() -> simulator.step(s.simulationId(), PurePursuitDriver.drive(s.observation())))
                .as("a failed simulation stays failed")
                .isInstanceOf(SimulatorFailureException.class);
        assertThat(simulator.state(s.simulationId()).step()).isZero();
        simulator.destroy(s.simulationId());
    }

    @Test
    void aConnectionDroppedMidEpisodeFailsItAndCleanupReconnectsToDestroyEverything() {
        SimulationState s = simulator.create(request(3, 3, 5000));
        world.dropConnectionsAtFrame(world.frame() + 5);

        assertThatThrownBy(() -> drive(s.simulationId(), s, 50))
                .isInstanceOf(SimulatorFailureException.class)
                .hasMessageContaining("failed at step");

        assertThat(world.spawnedActors()).isEmpty();
        assertThat(world.settings()).isEqualTo(FakeSettings.DEFAULT);
    }

    @Test
    void aServerThatStopsAnsweringTimesTheStepOutInsteadOfHanging() throws Exception {
        simulator = new CarlaSimulator(endpoint(server, Duration.ofMillis(400)), catalog, mapRef);
        SimulationState s = simulator.create(request(3, 0, 5000));
        world.delayCall("tick_cue", Duration.ofSeconds(3));
        long started = System.nanoTime();

        assertThatThrownBy(() -> simulator.step(s.simulationId(), PurePursuitDriver.drive(s.observation())))
                .isInstanceOf(SimulatorFailureException.class)
                .hasMessageContaining("did not answer tick_cue within 400 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(world.spawnedActors()).isEmpty();
        assertThat(world.settings()).isEqualTo(FakeSettings.DEFAULT);
    }

    @Test
    void aStalledEpisodeStreamTimesTheStepOut() {
        simulator = new CarlaSimulator(endpoint(server, Duration.ofMillis(400)), catalog, mapRef);
        SimulationState s = simulator.create(request(3, 0, 5000));
        world.withholdStateOfFrame(world.frame() + 1);

        assertThatThrownBy(() -> simulator.step(s.simulationId(), PurePursuitDriver.drive(s.observation())))
                .isInstanceOf(SimulatorFailureException.class)
                .hasMessageContaining("sent no episode state for frame");
        assertThat(world.spawnedActors()).isEmpty();
    }

    @Test
    void aCrashedServerFailsTheStepWithinTheTimeout() {
        SimulationState s = simulator.create(request(3, 0, 5000));
        world.crashAtFrame(world.frame() + 2);
        long started = System.nanoTime();

        assertThatThrownBy(() -> drive(s.simulationId(), s, 20)).isInstanceOf(SimulatorFailureException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aServerOfAnotherReleaseIsRefusedNamingBothVersions() {
        world.version("0.9.14");

        assertThatThrownBy(() -> simulator.create(request(3, 0, 100)))
                .isInstanceOf(SimulatorFailureException.class)
                .hasMessageContaining("runs version '0.9.14'; this client speaks CARLA 0.9.15 only");
        assertThat(world.spawnedActors()).isEmpty();
    }

    @Test
    void oneWorldRunsOneSimulationAtATime() {
        SimulationState s = simulator.create(request(3, 0, 100));

        assertThatThrownBy(() -> simulator.create(request(4, 0, 100))).isInstanceOf(SimulationLimitException.class);
        simulator.destroy(s.simulationId());
        simulator.destroy(simulator.create(request(4, 0, 100)).simulationId());
        assertThat(simulator.capacity().maxLiveSimulations()).isEqualTo(1);
    }

    @Test
    void aMapOtherThanTheServersIsABadRequestNamingTheMap() {
        assertThatThrownBy(() -> simulator.create(
                        new CreateSimulationRequest("Town07", 1, null, 10, 0, 0, 0, 0.05, null, 0, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("map"))
                .hasMessageContaining("has " + mapRef + " loaded");
    }
}

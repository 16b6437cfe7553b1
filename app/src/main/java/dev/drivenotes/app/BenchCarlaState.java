package dev.drivenotes.app;

import dev.drivenotes.carla.client.CarlaEndpoint;
import dev.drivenotes.carla.fake.FakeCarlaServer;
import dev.drivenotes.carla.fake.FakeWorld;
import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.sim.carla.CarlaSimulator;
import dev.drivenotes.carla.sim.carla.ServerMap;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One simulation of the CARLA backend against the in-process protocol fake, which answers every
 * call at once (no physics, no rendering): a step is our side of one synchronous tick (encode the
 * controls and the background vehicles' transforms, {@code apply_batch}, {@code tick_cue}, decode
 * the state frame, ground truth) plus the fake's own handling over loopback. A finished episode is
 * replaced by a new one inside the measured step, as in {@link BenchSimState}. Public for JMH.
 */
@State(Scope.Thread)
public class BenchCarlaState {

    /** The map's name as the fake's get_map_info gives it. */
    static final String MAP_NAME = "Carla/Maps/DriveNotesTown";

    @Param("")
    public String mapFile;

    @Param("20")
    public int npcs;

    private Path scratch;
    private FakeCarlaServer server;
    private CarlaSimulator simulator;
    private String mapRef;
    private String id;
    private SimulationState state;
    private long seed;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        scratch = Files.createTempDirectory("drivenotes-bench-carla");
        server = FakeCarlaServer.start(new FakeWorld(MAP_NAME, Files.readString(Path.of(mapFile))));
        CarlaEndpoint endpoint =
                new CarlaEndpoint("127.0.0.1", server.port(), Duration.ofSeconds(5), Duration.ofSeconds(5));
        ServerMap map = ServerMap.fetch(endpoint, "", Duration.ofSeconds(30), scratch.resolve("maps"));
        mapRef = map.name();
        simulator = new CarlaSimulator(endpoint, new MapCatalog(Map.of(mapRef, map::xodr)), mapRef);
        restart();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try {
            simulator.destroy(id);
        } finally {
            server.close();
            deleteScratch();
        }
    }

    private void deleteScratch() throws IOException {
        try (var files = Files.walk(scratch)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One synchronous tick of the ego and its background vehicles; returns the state so JMH consumes it. */
    public SimulationState step() {
        if (state.done()) {
            simulator.destroy(id);
            restart();
        }
        state = simulator.step(id, BenchSimState.drive(state.observation()));
        return state;
    }

    /** Vehicles in the fake's world besides the ego (its collision sensor not counted). */
    int backgroundVehiclesInTheWorld() {
        return (int) server.world().spawnedTypes().stream()
                        .filter(t -> t.startsWith("vehicle."))
                        .count()
                - 1;
    }

    private void restart() {
        state = simulator.create(
                new CreateSimulationRequest(mapRef, seed++, null, 1_000_000, npcs, 0.5, 0, 0.05, null, 0, null));
        id = state.simulationId();
    }
}

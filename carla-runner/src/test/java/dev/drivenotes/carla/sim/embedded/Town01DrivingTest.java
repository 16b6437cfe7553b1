package dev.drivenotes.carla.sim.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.episode.PurePursuitDriver;
import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Town01DrivingTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void drivesSeededTown01RouteToDestination(long seed) {
        Path town01 = TestMaps.shared("Town01.xodr");
        Simulator sim = new EmbeddedSimulator(new MapCatalog(Map.of()));
        SimulationState s = sim.create(
                new CreateSimulationRequest(town01.toString(), seed, null, 6000, 0, 0.5, 0, 0.05, null, 0, null));
        try {
            while (!s.done()) {
                s = sim.step(s.simulationId(), PurePursuitDriver.drive(s.observation()));
            }
            assertThat(s.termination()).as("route %s", s.route()).isEqualTo(Termination.REACHED_DESTINATION);
        } finally {
            sim.destroy(s.simulationId());
        }
    }
}

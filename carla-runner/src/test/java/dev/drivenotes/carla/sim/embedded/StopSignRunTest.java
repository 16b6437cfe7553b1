package dev.drivenotes.carla.sim.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.carla.episode.PurePursuitDriver;
import dev.drivenotes.carla.episode.RouteChooser;
import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.RouteSpec;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.StopSignAhead;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.sim.VehicleSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ego at the stop-sign junction: the stop-sign sensor and the stop-sign run in the truth. */
class StopSignRunTest {

    private static final double STEP_S = 0.05;
    private static final double HALF_LENGTH_M = VehicleSpec.EGO.halfLengthM();

    @TempDir
    static Path dir;

    static LoadedMap map;

    @BeforeAll
    static void load() {
        map = new MapCatalog(Map.of()).load(TestMaps.stopSigns(dir).toString());
    }

    private static Simulation simulation(String from, String to) {
        CreateSimulationRequest request = new CreateSimulationRequest(
                map.ref(), 1, new RouteSpec(from, to), 3000, 0, 0, 0, STEP_S, null, 0, null);
        return new Simulation("sim", request, map, RouteChooser.choose(map, 1, request.route()));
    }

    /** Drives to the end of the episode; answers every state, the first one included. */
    private static List<SimulationState> drive(Simulation sim, Function<Observation, Control> driver) {
        List<SimulationState> states = new ArrayList<>(List.of(sim.state()));
        while (!states.getLast().done()) {
            states.add(sim.step(driver.apply(states.getLast().observation())));
        }
        return states;
    }

    private static List<Integer> runSteps(List<SimulationState> states) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < states.size(); k++) {
            if (states.get(k).truth().stopSignRun()) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * A test driver that obeys stop signs: pure pursuit, braking to stand with its front bumper
     * {@code standBeforeLineM} before the next stop line, holding {@code holdS}, then driving on
     * until the sign is gone.
     */
    static final class StoppingDriver implements Function<Observation, Control> {
        private final double standBeforeLineM;
        private final double holdS;
        private double heldS;
        private boolean done;

        StoppingDriver(double standBeforeLineM, double holdS) {
            this.standBeforeLineM = standBeforeLineM;
            this.holdS = holdS;
        }

        @Override
        public Control apply(Observation o) {
            Control cruise = PurePursuitDriver.drive(o);
            StopSignAhead sign = o.stopSign();
            if (sign == null) {
                done = false;
                return cruise;
            }
            double roomM = sign.distanceM() - HALF_LENGTH_M - standBeforeLineM;
            if (done || roomM < -1) {
                return cruise;
            }
            if (roomM > 0.3) {
                double targetMps = Math.min(7, Math.sqrt(2 * 2.0 * roomM));
                double error = targetMps - o.speedMps();
                return Control.clamped(cruise.steer(), error * 0.6, -error * 0.6);
            }
            heldS = o.speedMps() < 0.01 ? heldS + STEP_S : 0;
            done = heldS >= holdS;
            return new Control(cruise.steer(), 0, 1);
        }
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"West Gate, East Gate", "East Gate, West Gate", "West Gate, North Gate", "East Gate, South Gate"})
    void aDriverIgnoringTheSignRunsItOnceWhereItsFrontCrossesTheLine(String from, String to) {
        List<SimulationState> states = drive(simulation(from, to), PurePursuitDriver::drive);

        assertThat(states.getLast().termination()).isEqualTo(Termination.REACHED_DESTINATION);
        List<Integer> runs = runSteps(states);
        assertThat(runs).hasSize(1);
        StopSignAhead before = states.get(runs.getFirst() - 1).observation().stopSign();
        assertThat(before).isNotNull();
        double frontToLineM = before.distanceM() - HALF_LENGTH_M;
        // the front bumper was before the line one step earlier and is past it now
        assertThat(frontToLineM)
                .isBetween(0.0, states.get(runs.getFirst()).truth().speedMps() * STEP_S + 0.05);
    }

    @Test
    void standingAtTheLineBeforeCrossingItIsNoRun() {
        List<SimulationState> states = drive(simulation("West Gate", "East Gate"), new StoppingDriver(1.0, 1.0));

        assertThat(states.getLast().termination()).isEqualTo(Termination.REACHED_DESTINATION);
        assertThat(runSteps(states)).isEmpty();
        assertThat(states.stream()
                        .filter(s -> s.observation().stopSign() != null)
                        .mapToDouble(s -> s.truth().speedMps())
                        .min()
                        .orElseThrow())
                .isZero();
    }

    @Test
    void standingTooFarBeforeTheLineStillRunsIt() {
        // CARLA's RunningStopTest only counts a stop within 4 m of the stop's trigger area
        List<SimulationState> states = drive(simulation("West Gate", "East Gate"), new StoppingDriver(8.0, 2.0));

        assertThat(states.getLast().termination()).isEqualTo(Termination.REACHED_DESTINATION);
        assertThat(runSteps(states)).hasSize(1);
    }

    @Test
    void theSensorMeasuresFromTheEgoCentreToTheStopLineAtTheJunctionEntry() {
        Simulation sim = simulation("West Gate", "East Gate");
        double entryM = sim.plan().route().junctions().getFirst().entryM();
        List<SimulationState> states = drive(sim, PurePursuitDriver::drive);

        StopSignAhead first = states.getFirst().observation().stopSign();
        assertThat(first).isNotNull();
        assertThat(first.distanceM()).isCloseTo(entryM, within(1e-6)).isLessThan(60);
        int lastSeen = -1;
        for (int k = 0; k < states.size(); k++) {
            StopSignAhead sign = states.get(k).observation().stopSign();
            if (sign != null) {
                assertThat(lastSeen).as("seen without a gap").isIn(-1, k - 1);
                assertThat(sign.distanceM()).isLessThanOrEqualTo(first.distanceM());
                lastSeen = k;
            }
        }
        assertThat(lastSeen).isBetween(1, states.size() - 2);
    }

    @Test
    void theRoadWithPriorityHasNoStopSign() {
        List<SimulationState> states = drive(simulation("South Gate", "West Gate"), PurePursuitDriver::drive);

        assertThat(states.getLast().termination()).isEqualTo(Termination.REACHED_DESTINATION);
        assertThat(states)
                .allSatisfy(s -> assertThat(s.observation().stopSign()).isNull());
        assertThat(runSteps(states)).isEmpty();
    }
}

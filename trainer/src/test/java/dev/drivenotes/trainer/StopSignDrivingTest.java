package dev.drivenotes.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.carla.sim.embedded.EmbeddedSimulator;
import dev.drivenotes.dreamer.policy.AutopilotPolicy;
import dev.drivenotes.dreamer.policy.SessionLimits;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.RouteSpec;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.StopSignAhead;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.sim.VehicleSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The autopilot, and the autopilot restricted to the dreamer's discrete actions, in closed loop with
 * the embedded simulator on the stop-sign junction (stop signs on its west and east approaches).
 */
class StopSignDrivingTest {

    private static final double STEP_S = DrivingEnv.STEP_S;
    /** The simulator's rule for a stop: below this speed... */
    private static final double STOPPED_MPS = 0.1;
    /** ...with the front bumper at most this far before the stop line. */
    private static final double ZONE_M = 4.0;

    @TempDir
    static Path dir;

    static String map;

    @BeforeAll
    static void copyMap() {
        map = TestMaps.stopSigns(dir).toString();
    }

    /** What one episode did at the stop line. */
    record Outcome(Termination termination, double routeCompletion, int stopSignRuns, double longestStandS) {}

    private static Outcome drive(Driver driver, String from, String to, int npcs) {
        Simulator sim = new EmbeddedSimulator(new MapCatalog(Map.of()));
        SimulationState s = sim.create(new CreateSimulationRequest(
                map, 3, new RouteSpec(from, to), 3000, npcs, 0.5, 0, STEP_S, null, 0, null));
        driver.reset(0);
        int runs = 0;
        double standingS = 0;
        double longestStandS = 0;
        try {
            while (!s.done()) {
                s = sim.step(
                        s.simulationId(),
                        driver.act(new int[] {0}, List.of(s.observation())).getFirst());
                StopSignAhead sign = s.observation().stopSign();
                double frontToLineM = sign == null ? Double.NaN : sign.distanceM() - VehicleSpec.EGO.halfLengthM();
                boolean inZone = frontToLineM >= 0 && frontToLineM <= ZONE_M;
                standingS = inZone && s.truth().speedMps() < STOPPED_MPS ? standingS + STEP_S : 0;
                longestStandS = Math.max(longestStandS, standingS);
                runs += s.truth().stopSignRun() ? 1 : 0;
            }
            return new Outcome(s.termination(), s.truth().routeCompletion(), runs, longestStandS);
        } finally {
            sim.destroy(s.simulationId());
        }
    }

    private static Driver autopilot(boolean discrete) {
        Driver driver = Driver.of(new AutopilotPolicy(STEP_S, SessionLimits.of(4)), 1);
        return discrete ? Driver.snapped(driver) : driver;
    }

    @ParameterizedTest(name = "{0} to {1}, {2} NPCs, discrete {3}")
    @CsvSource({
        "West Gate, East Gate, 0, false",
        "East Gate, West Gate, 0, false",
        "West Gate, North Gate, 0, false",
        "East Gate, South Gate, 4, false",
        "West Gate, East Gate, 0, true",
        "East Gate, North Gate, 0, true"
    })
    void standsAtTheStopLineThenCompletesTheRouteWithoutAStopSignRun(
            String from, String to, int npcs, boolean discrete) {
        Outcome outcome = drive(autopilot(discrete), from, to, npcs);

        assertThat(outcome.termination()).isEqualTo(Termination.REACHED_DESTINATION);
        assertThat(outcome.routeCompletion()).isGreaterThan(0.95);
        assertThat(outcome.longestStandS()).as("standstill before the line").isGreaterThanOrEqualTo(1.0);
        assertThat(outcome.stopSignRuns()).isZero();
    }
}

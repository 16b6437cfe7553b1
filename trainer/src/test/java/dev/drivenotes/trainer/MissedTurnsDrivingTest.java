package dev.drivenotes.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.sim.embedded.EmbeddedSimulator;
import dev.drivenotes.dreamer.model.DrivingActions;
import dev.drivenotes.dreamer.model.Narration;
import dev.drivenotes.dreamer.policy.AutopilotPolicy;
import dev.drivenotes.dreamer.policy.SessionLimits;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.SimulationState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discrete autopilot in closed loop with the embedded simulator on the generated town, with
 * every junction left on purpose by another maneuver than planned ({@link MissedTurns} at rate 1):
 * the true maneuver of the whole traversals (as the narration head's labels classify it) is not
 * the one the plan named on entry, and without missed turns it is.
 */
class MissedTurnsDrivingTest {

    @TempDir
    Path dir;

    /**
     * Per labelled step (every step of a whole junction traversal): {the maneuver the plan named on
     * entering that junction, the traversal's true maneuver}.
     */
    private List<Maneuver[]> labelledSteps(double rate) {
        EmbeddedSimulator sim = Simulators.embedded(dir);
        Driver driver = Driver.snapped(Driver.of(new AutopilotPolicy(DrivingEnv.STEP_S, SessionLimits.of(4)), 1));
        MissedTurns missed = new MissedTurns(rate, 5, 1);
        List<Maneuver[]> out = new ArrayList<>();
        for (long seed = 0; seed < 8; seed++) {
            SimulationState s = sim.create(new CreateSimulationRequest(
                    "default-town", 100 + seed, null, 2000, 0, 0.5, 0, DrivingEnv.STEP_S, null, 0, null));
            driver.reset(0);
            missed.reset(0);
            Maneuver[] planned = {null};
            ManeuverLabels<Maneuver> labels = new ManeuverLabels<>(
                    (entryPlan, label) -> out.add(new Maneuver[] {entryPlan, Narration.CLASSES.get(label)}));
            labels.start(null, s.truth());
            try {
                while (!s.done()) {
                    Control c =
                            driver.act(new int[] {0}, List.of(s.observation())).getFirst();
                    int action = missed.action(0, s, DrivingActions.nearest(c));
                    boolean wasIn = s.truth().inJunction();
                    s = sim.step(s.simulationId(), DrivingActions.control(action));
                    if (s.truth().inJunction() && !wasIn) {
                        planned[0] = s.observation().nextManeuver();
                    }
                    // a step is its traversal's entry plan; the labels pair it with the true maneuver
                    labels.observe(s.truth().inJunction() ? planned[0] : null, s.truth());
                }
            } finally {
                sim.destroy(s.simulationId());
            }
        }
        return out;
    }

    @Test
    void atRateOneTheTrueManeuverOfLabelledStepsIsNotThePlansAndWithoutMissedTurnsItIs() {
        List<Maneuver[]> forced = labelledSteps(1);
        List<Maneuver[]> normal = labelledSteps(0);

        assertThat(normal).isNotEmpty();
        long normalAgree = normal.stream().filter(m -> m[0] == m[1]).count();
        assertThat(normalAgree)
                .as("following the plan, the labels are the plan's")
                .isEqualTo(normal.size());

        assertThat(forced).isNotEmpty();
        long forcedDisagree = forced.stream().filter(m -> m[0] != m[1]).count();
        assertThat((double) forcedDisagree / forced.size())
                .as("labelled steps whose true maneuver differs from the plan's, at rate 1")
                .isGreaterThan(0.8);
    }
}

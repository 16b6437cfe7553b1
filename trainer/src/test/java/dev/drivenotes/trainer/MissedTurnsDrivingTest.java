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

    /** A junction traversal's entry: the maneuver the plan named, and the exits the junction has from there. */
    private record Entry(Maneuver planned, List<Maneuver> exits) {

        /** Whether the junction has another exit than the planned one from where the ego entered. */
        boolean hasAnotherExit() {
            return exits == null || exits.stream().anyMatch(m -> m != planned);
        }
    }

    /** A labelled step: its traversal's entry and the traversal's true maneuver. */
    private record Labelled(Entry entry, Maneuver truth) {

        boolean followedThePlan() {
            return entry.planned() == truth;
        }
    }

    /** Per labelled step (every step of a whole junction traversal): its entry and true maneuver. */
    private List<Labelled> labelledSteps(double rate) {
        EmbeddedSimulator sim = Simulators.embedded(dir);
        Driver driver = Driver.snapped(Driver.of(new AutopilotPolicy(DrivingEnv.STEP_S, SessionLimits.of(4)), 1));
        MissedTurns missed = new MissedTurns(rate, 5, 1);
        List<Labelled> out = new ArrayList<>();
        for (long seed = 0; seed < 8; seed++) {
            SimulationState s = sim.create(new CreateSimulationRequest(
                    "default-town", 100 + seed, null, 2000, 0, 0.5, 0, DrivingEnv.STEP_S, null, 0, null));
            driver.reset(0);
            missed.reset(0);
            Entry[] entry = {null};
            ManeuverLabels<Entry> labels =
                    new ManeuverLabels<>((at, label) -> out.add(new Labelled(at, Narration.CLASSES.get(label))));
            labels.start(null, s.truth());
            try {
                while (!s.done()) {
                    Control c =
                            driver.act(new int[] {0}, List.of(s.observation())).getFirst();
                    int action = missed.action(0, s, DrivingActions.nearest(c));
                    boolean wasIn = s.truth().inJunction();
                    s = sim.step(s.simulationId(), DrivingActions.control(action));
                    if (s.truth().inJunction() && !wasIn) {
                        entry[0] = new Entry(
                                s.observation().nextManeuver(), s.truth().junctionExits());
                    }
                    // a step is its traversal's entry; the labels pair it with the true maneuver
                    labels.observe(s.truth().inJunction() ? entry[0] : null, s.truth());
                }
            } finally {
                sim.destroy(s.simulationId());
            }
        }
        return out;
    }

    @Test
    void atRateOneTheTrueManeuverOfLabelledStepsIsNotThePlansWhereTheJunctionHasAnotherExit() {
        List<Labelled> forced = labelledSteps(1);
        List<Labelled> normal = labelledSteps(0);

        assertThat(normal).isNotEmpty();
        assertThat(normal).as("following the plan, the labels are the plan's").allMatch(Labelled::followedThePlan);

        List<Labelled> withAnotherExit =
                forced.stream().filter(l -> l.entry().hasAnotherExit()).toList();
        assertThat(withAnotherExit).isNotEmpty();
        long disagree =
                withAnotherExit.stream().filter(l -> !l.followedThePlan()).count();
        assertThat((double) disagree / withAnotherExit.size())
                .as(
                        "labelled steps whose true maneuver differs from the plan's, at rate 1, where there was another exit")
                .isGreaterThan(0.8);
        assertThat(forced)
                .filteredOn(l -> !l.entry().hasAnotherExit())
                .as("a junction with no other exit from there is left as planned")
                .allMatch(Labelled::followedThePlan);
    }
}

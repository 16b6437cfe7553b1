package dev.drivenotes.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.dreamer.model.Narration;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Pose;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManeuverLabelsTest {

    /** A step that records its label. */
    static final class Labelled {
        int label = -1;
    }

    static GroundTruth at(double yawRad, String junctionId) {
        return new GroundTruth(
                new Pose(0, 0, yawRad),
                5,
                "r",
                -1,
                junctionId,
                "Main Street",
                0.5,
                false,
                false,
                false,
                null,
                false,
                false,
                false,
                null);
    }

    /** Drives {@code truths} through one labeller; answers each step's label. */
    static int[] labels(List<GroundTruth> truths) {
        ManeuverLabels<Labelled> labels = new ManeuverLabels<>((s, label) -> s.label = label);
        List<Labelled> steps = new ArrayList<>();
        for (int i = 0; i < truths.size(); i++) {
            Labelled s = new Labelled();
            steps.add(s);
            if (i == 0) {
                labels.start(s, truths.get(i));
            } else {
                labels.observe(s, truths.get(i));
            }
        }
        return steps.stream().mapToInt(s -> s.label).toArray();
    }

    @Test
    void labelsEveryStepOfAWholeTraversalWithItsTrueManeuver() {
        int left = Narration.index(Maneuver.TURN_LEFT);
        // heading 0 before the junction, π/2 (a left turn) after it
        int[] got = labels(
                List.of(at(0, null), at(0, null), at(0.3, "j1"), at(1.0, "j1"), at(1.5, "j1"), at(Math.PI / 2, null)));
        assertThat(got).containsExactly(-1, -1, left, left, left, -1);
    }

    @Test
    void twoAdjacentJunctionsAreTwoTraversals() {
        int right = Narration.index(Maneuver.TURN_RIGHT);
        int straight = Narration.index(Maneuver.GO_STRAIGHT);
        int[] got = labels(List.of(at(0, null), at(-0.8, "j1"), at(-1.6, "j2"), at(-1.0, null)));
        // j1: from 0 to −1.6 (its exit is j2's first step): right; j2: from −0.8 (j1's last step) to −1.0: straight
        assertThat(got).containsExactly(-1, right, straight, -1);
    }

    @Test
    void aTraversalCutByTheEpisodeStartOrEndStaysUnlabelled() {
        assertThat(labels(List.of(at(0, "j1"), at(0.5, "j1"), at(1.5, null)))).containsExactly(-1, -1, -1);
        assertThat(labels(List.of(at(0, null), at(0.5, "j1"), at(1.5, "j1")))).containsExactly(-1, -1, -1);
    }
}

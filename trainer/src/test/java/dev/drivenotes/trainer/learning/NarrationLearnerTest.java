package dev.drivenotes.trainer.learning;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.dreamer.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The narration head in the world-model loss: what it learns, and what it must not learn from. */
class NarrationLearnerTest {

    static final int YAW_RATE = 3;

    /**
     * {@link LearnerTest#toyBatch} where each sequence turns one way: its yaw rate is +3 (label
     * turn_left, 0), −3 (turn_right, 1) or 0 (go_straight, 2), drawn per sequence; steps from the
     * fourth on carry the label, the first four none.
     */
    static SequenceBatch turning(int batch, int length, long seed) {
        SequenceBatch out = LearnerTest.toyBatch(batch, length, seed);
        SplittableRandom r = new SplittableRandom(seed + 100);
        for (int b = 0; b < batch; b++) {
            int label = r.nextInt(3);
            float yaw = label == 0 ? 3f : label == 1 ? -3f : 0f;
            for (int t = 0; t < length; t++) {
                int i = t * batch + b;
                out.obs()[i * ObservationVector.DIM + YAW_RATE] = yaw;
                out.maneuvers()[i] = t >= 4 ? label : -1;
            }
        }
        return out;
    }

    /** Fresh {@code tiny} networks, PyTorch's generator seeded alike. */
    static DreamerNets tinyNets(NDManager manager, long seed) {
        Djl.seed(seed);
        DreamerConfig config = DreamerConfig.preset("tiny");
        return new DreamerNets(config, Params.initialise(manager, DreamerNets.layout(config), seed));
    }

    static Map<String, float[]> snapshot(Params params) {
        Map<String, float[]> out = new LinkedHashMap<>();
        params.all().forEach((name, array) -> out.put(name, array.toFloatArray()));
        return out;
    }

    @Test
    void theHeadLearnsASyntheticMappingOnTheTinyPreset() {
        try (NDManager manager = Djl.newManager()) {
            DreamerNets nets = tinyNets(manager, 4);
            Learner learner = new Learner(nets, manager, LearnerTest.fastHyper());
            double firstLoss = learner.update(turning(12, 12, 0)).narrationLoss();
            for (int u = 1; u < 80; u++) {
                learner.update(turning(12, 12, u));
            }
            // accuracy is measured in the forward pass, before the update: on batches never trained on
            double accuracy = 0;
            double loss = 0;
            for (int k = 0; k < 3; k++) {
                TrainStats held = learner.update(turning(12, 12, 1_000 + k));
                accuracy += held.narrationAccuracy() / 3;
                loss += held.narrationLoss() / 3;
            }
            assertThat(accuracy).as("accuracy (chance is 1/3)").isGreaterThan(0.8);
            assertThat(loss).isLessThan(firstLoss / 2);
        }
    }

    @Test
    void stepsWithoutALabelDoNotContribute() {
        try (NDManager manager = Djl.newManager()) {
            DreamerNets nets = tinyNets(manager, 5);
            Learner learner = new Learner(nets, manager, LearnerTest.fastHyper());
            Map<String, float[]> before = snapshot(nets.params());

            TrainStats stats = learner.update(LearnerTest.toyBatch(6, 10, 5)); // no maneuver labels at all

            assertThat(stats.narrationLoss()).isZero();
            assertThat(stats.narrationAccuracy()).isNaN();
            Map<String, float[]> after = snapshot(nets.params());
            before.forEach((name, values) -> {
                if (name.startsWith("narration")) {
                    assertThat(after.get(name)).as(name).containsExactly(values);
                }
            });
            // while the rest of the world model did learn from the batch
            assertThat(after.get("enc.0.w")).isNotEqualTo(before.get("enc.0.w"));
        }
    }

    @Test
    void narrationOnlyTrainingChangesTheHeadAndNothingElse() {
        try (NDManager manager = Djl.newManager()) {
            DreamerNets nets = tinyNets(manager, 6);
            Learner learner = new Learner(nets, manager, LearnerTest.fastHyper().withNarrationOnly());
            Map<String, float[]> before = snapshot(nets.params());

            for (int u = 0; u < 3; u++) {
                learner.update(turning(6, 10, u));
            }

            Map<String, float[]> after = snapshot(nets.params());
            before.forEach((name, values) -> {
                if (name.startsWith("narration")) {
                    assertThat(after.get(name)).as(name).isNotEqualTo(values);
                } else {
                    assertThat(after.get(name)).as(name).containsExactly(values);
                }
            });
        }
    }
}

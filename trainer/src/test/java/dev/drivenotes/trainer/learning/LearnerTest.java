package dev.drivenotes.trainer.learning;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.DrivingActions;
import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.dreamer.model.Params;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LearnerTest {

    /** Sequences of a toy car: speed follows the action's acceleration; reward = speed. */
    static SequenceBatch toyBatch(int batch, int length, long seed) {
        return toyBatch(batch, length, seed, 0);
    }

    /** {@link #toyBatch} with room for {@code rasterBytes} of raster per step, left zero. */
    static SequenceBatch toyBatch(int batch, int length, long seed, int rasterBytes) {
        SplittableRandom r = new SplittableRandom(seed);
        SequenceBatch out = SequenceBatch.zeros(batch, length, rasterBytes);
        int dim = ObservationVector.DIM;
        for (int b = 0; b < batch; b++) {
            double speed = r.nextDouble(0, 8);
            int last = -1;
            for (int t = 0; t < length; t++) {
                int i = t * batch + b;
                out.obs()[i * dim] = (float) speed;
                out.obs()[i * dim + 1] = 8.33f;
                out.obs()[i * dim + 2] = (float) (speed - 8.33);
                out.prevActions()[i] = last;
                out.firsts()[i] = t == 0;
                out.rewards()[i] = (float) speed * 0.05f;
                out.conts()[i] = 1f;
                int a = speed < 8.33 ? 12 : 2;
                out.actions()[i] = a;
                out.labels()[i] = a;
                speed = Math.max(0, speed + DrivingActions.accelerationMps2(a) * 0.05);
                last = a;
            }
        }
        return out;
    }

    /** DreamerV3's defaults with learning rates and horizon for a few dozen test updates. */
    static Hyper fastHyper() {
        Hyper d = Hyper.defaults();
        return new Hyper(
                3e-3f,
                1e-3f,
                1e-3f,
                5,
                d.discount(),
                d.lambda(),
                d.entropy(),
                d.slowRate(),
                1f,
                true,
                1f,
                false,
                1f,
                false);
    }

    @Test
    void shortTrainingRunLowersTheWorldModelLoss() {
        DreamerConfig config = DreamerConfig.preset("tiny");
        Djl.seed(3);
        try (NDManager manager = Djl.newManager()) {
            DreamerNets nets = new DreamerNets(config, Params.initialise(manager, DreamerNets.layout(config), 3));
            Learner learner = new Learner(nets, manager, fastHyper());
            SequenceBatch batch = toyBatch(6, 10, 5);
            double first = 0;
            double last = 0;
            int updates = 30;
            for (int u = 0; u < updates; u++) {
                TrainStats s = learner.update(batch);
                assertThat(s.modelLoss()).isFinite();
                assertThat(s.actorLoss()).isFinite();
                if (u < 3) {
                    first += s.modelLoss() / 3;
                }
                if (u >= updates - 3) {
                    last += s.modelLoss() / 3;
                }
            }
            assertThat(last).isLessThan(first * 0.7);
        }
    }

    @Test
    void anAgentOnTheParametersALearnerTrainsActsOnDjl() {
        DreamerConfig config = DreamerConfig.preset("tiny");
        try (NDManager manager = Djl.newManager()) {
            DreamerNets nets = new DreamerNets(config, Params.initialise(manager, DreamerNets.layout(config), 5));
            DreamerAgent agent = new DreamerAgent(nets, manager, 1);
            assertThat(agent.fused())
                    .as("frozen parameters run the fused forward")
                    .isTrue();

            new Learner(nets, manager, fastHyper());

            assertThat(agent.fused())
                    .as("parameters updated in place would make the fused copy stale")
                    .isFalse();
        }
    }

    @Test
    void behaviourCloningWeighsRareAccelerationsUp() {
        // 8 coast labels (5..9), 2 brake labels (0..4), one unlabelled step
        int[] labels = {7, 7, 6, 8, 7, 7, 5, 9, 2, 0, -1};
        float[] w = Learner.bcWeights(labels);
        assertThat(w[10]).isZero();
        assertThat(w[9]).isEqualTo(w[8]).isGreaterThan(w[0]);
        assertThat(w[9] / w[0]).isCloseTo(4f, org.assertj.core.data.Offset.offset(1e-5f));
        double mean = 0;
        for (int i = 0; i < 10; i++) {
            mean += w[i] / 10;
        }
        assertThat(mean).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void behaviourCloningWeightsAreCapped() {
        int[] labels = new int[101];
        java.util.Arrays.fill(labels, 7);
        labels[100] = 12; // one throttle among 100 coasts: inverse frequency 100/3 would exceed the cap
        float[] w = Learner.bcWeights(labels);
        assertThat(w[100] / w[0]).isCloseTo((float) Learner.MAX_BC_WEIGHT, org.assertj.core.data.Offset.offset(1e-3f));
    }
}

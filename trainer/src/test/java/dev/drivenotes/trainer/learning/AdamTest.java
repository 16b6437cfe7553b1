package dev.drivenotes.trainer.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.Params;
import dev.drivenotes.dreamer.testing.SharedManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AdamTest {

    private static final DreamerConfig TINY = DreamerConfig.preset("tiny");

    @RegisterExtension
    static final SharedManager DJL = new SharedManager();

    private static Params params(NDManager manager) {
        return Params.initialise(manager, DreamerNets.layout(TINY), 1);
    }

    private static String first(Params p, String prefix) {
        return p.all().keySet().stream()
                .filter(n -> n.startsWith(prefix) && n.endsWith(".w"))
                .findFirst()
                .orElseThrow();
    }

    /** A gradient of one value everywhere for each named parameter. */
    private static Map<String, NDArray> constantGradients(Params p, Map<String, Float> valueByName) {
        Map<String, NDArray> grads = new TreeMap<>();
        valueByName.forEach((name, value) ->
                grads.put(name, DJL.get().full(p.get(name).getShape(), value)));
        return grads;
    }

    @Test
    void firstStepMovesEveryWeightByItsGroupsLearningRateAgainstTheGradient() {
        Params p = params(DJL.get());
        Adam adam = new Adam(p, DJL.get(), 0.01f, 0.002f, 0.003f);
        String model = first(p, "gru");
        String actor = first(p, "actor");
        float[] w0 = p.get(model).toFloatArray();
        float[] a0 = p.get(actor).toFloatArray();

        assertThat(adam.step(p, constantGradients(p, Map.of(model, 3f, actor, -0.5f))))
                .isTrue();

        assertThat(p.get(model).toFloatArray()[0] - w0[0]).isCloseTo(-0.01f, within(1e-5f));
        assertThat(p.get(actor).toFloatArray()[0] - a0[0]).isCloseTo(0.002f, within(1e-5f));
        assertThat(adam.steps(Adam.Group.MODEL)).isEqualTo(1);
        assertThat(adam.steps(Adam.Group.ACTOR)).isEqualTo(1);
        assertThat(adam.steps(Adam.Group.CRITIC)).isZero();
    }

    @Test
    void skipsTheWholeStepWhenAGradientIsNotFinite() {
        Params p = params(DJL.get());
        Adam adam = new Adam(p, DJL.get(), 0.01f, 0.01f, 0.01f);
        String model = first(p, "gru");
        float[] w0 = p.get(model).toFloatArray();

        assertThat(adam.step(p, constantGradients(p, Map.of(model, 1f, first(p, "critic"), Float.NaN))))
                .isFalse();

        assertThat(p.get(model).toFloatArray()).containsExactly(w0);
        assertThat(adam.steps(Adam.Group.MODEL)).isZero();
    }

    @Test
    void savedStateRestoresIntoAFreshLearnerAndRejectsMismatchedOrCorruptFiles(@TempDir Path dir) throws IOException {
        Djl.seed(3);
        try (NDManager manager = Djl.newManager()) {
            DreamerNets nets = new DreamerNets(TINY, params(manager));
            Learner learner = new Learner(nets, manager, Hyper.defaults());
            SequenceBatch batch = LearnerTest.toyBatch(4, 8, 5);
            for (int u = 0; u < 3; u++) {
                learner.update(batch);
            }
            LearnerState.save(dir, learner, 42);

            Learner resumed = new Learner(nets, manager, Hyper.defaults());
            assertThat(LearnerState.restore(dir, manager, resumed, 42)).contains("Adam steps {model=3, actor=6");
            assertThat(resumed.adam().stepCounts()).isEqualTo(learner.adam().stepCounts());
            assertThat(resumed.returnNormalizer().state())
                    .isEqualTo(learner.returnNormalizer().state());
            Path again = dir.resolve("again");
            LearnerState.save(again, resumed, 42);
            assertThat(Files.readAllBytes(again.resolve(LearnerState.MOMENTS)))
                    .isEqualTo(Files.readAllBytes(dir.resolve(LearnerState.MOMENTS)));

            assertThatThrownBy(() -> LearnerState.restore(dir, manager, resumed, 43))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("saved at env step 42 but checkpoint.json is at 43");
            Files.write(again.resolve(LearnerState.MOMENTS), new byte[] {1, 2, 3, 4, 5});
            assertThatThrownBy(() -> LearnerState.restore(again, manager, resumed, 42))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(LearnerState.MOMENTS);
            Files.delete(again.resolve(LearnerState.META));
            assertThatThrownBy(() -> LearnerState.restore(again, manager, resumed, 42))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only one of");
            Files.delete(again.resolve(LearnerState.MOMENTS));
            assertThat(LearnerState.restore(again, manager, resumed, 42)).contains("fresh Adam moments");
        }
    }
}

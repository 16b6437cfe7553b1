package dev.drivenotes.dreamer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.dreamer.testing.SharedManager;
import dev.drivenotes.dreamer.testing.TestCheckpoints;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints with and without the narration head, and the head's temperature. */
class NarrationCheckpointTest {

    @RegisterExtension
    static final SharedManager DJL = new SharedManager();

    @Test
    void aCheckpointWrittenBeforeTheHeadLoadsWithoutOneAndServesNoNarration(@TempDir Path dir) {
        DreamerConfig old = new DreamerConfig("compact", ObservationVector.DIM, 128, 128, 16, 16, 15);
        CheckpointMeta meta = new CheckpointMeta(
                CheckpointMeta.FORMAT,
                old,
                CheckpointMeta.OBSERVATION_SPEC,
                CheckpointMeta.ACTION_SPEC,
                7,
                10,
                1,
                1.0,
                "old",
                Map.of(),
                null);
        TestCheckpoints.write(DJL.get(), dir, meta, 3);

        Checkpoint c = Checkpoint.open(DJL.get(), dir.toString());

        assertThat(c.meta().config().narrates()).isFalse();
        assertThat(c.meta().servedNarrationTemperature()).isEqualTo(1.0);
        DreamerAgent agent = new DreamerAgent(c.nets(), DJL.get(), 1);
        DreamerAgent.Step step = agent.act(List.of(new float[ObservationVector.DIM]), Arrays.asList(new Carry[1]))
                .getFirst();
        assertThat(step.narrationLogits()).isNull();
    }

    @Test
    void theShippedCheckpointHasACalibratedHead() {
        Checkpoint c = Checkpoint.open(DJL.get(), null);

        assertThat(c.meta().config().narrates()).isTrue();
        assertThat(c.meta().narrationTemperature()).isNotNull().isPositive();
    }

    @Test
    void theTemperatureIsStoredInCheckpointJsonAndMustBePositive(@TempDir Path dir) {
        CheckpointMeta meta = TestCheckpoints.meta("tiny", 5);
        TestCheckpoints.write(DJL.get(), dir, meta, 3);

        Checkpoint.saveMeta(dir, meta.withNarrationTemperature(0.7));

        assertThat(Checkpoint.open(DJL.get(), dir.toString()).meta().servedNarrationTemperature())
                .isEqualTo(0.7);
        assertThatThrownBy(() -> meta.withNarrationTemperature(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("narrationTemperature");
    }

    @Test
    void probabilitiesAtATemperatureAreTheSoftmaxOfTheScaledLogits() {
        double[] p = Narration.probabilities(new float[] {2, 0, 0}, 2);
        double e = Math.E;
        assertThat(p[0]).isCloseTo(e / (e + 2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(p[1]).isCloseTo(1 / (e + 2), org.assertj.core.api.Assertions.within(1e-12));
    }
}

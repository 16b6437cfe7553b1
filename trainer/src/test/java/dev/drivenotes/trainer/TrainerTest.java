package dev.drivenotes.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.CheckpointMeta;
import dev.drivenotes.dreamer.model.Djl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    @Test
    void aShortRunWritesALoadableCheckpointAndReportsProgress(@TempDir Path dir) {
        TrainSettings settings =
                TinyTraining.settings(240, "tiny", 3, dir.resolve("ckpt"), dir).build();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CheckpointMeta meta = new Trainer(settings, new PrintStream(log, true, StandardCharsets.UTF_8), "test").run();
        assertThat(meta.envSteps()).isGreaterThanOrEqualTo(240);
        assertThat(meta.updates()).isPositive();
        assertThat(meta.stats()).containsKey("modelLoss");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("steps/s").contains("checkpoint written");
        try (NDManager manager = Djl.newManager()) {
            Checkpoint loaded = Checkpoint.open(manager, dir.resolve("ckpt").toString());
            assertThat(loaded.meta()).isEqualTo(meta);
        }
    }

    @Test
    void aRasterPresetTrainsOnTheSimulatorsBirdEyeViewAndEvaluates(@TempDir Path dir) {
        TrainSettings settings = TinyTraining.settings(160, "tiny-bev", 3, dir.resolve("bev"), dir)
                .warmupSteps(80)
                .build();
        CheckpointMeta meta = new Trainer(settings, new PrintStream(new ByteArrayOutputStream()), "test").run();
        assertThat(meta.config().rasterSize()).isEqualTo(64);
        assertThat(meta.observation()).contains("bird's-eye raster 64x64x3");
        assertThat(meta.updates()).isPositive();
        assertThat(meta.stats().get("rasterLoss")).isPositive().isFinite();
        EvalResult r = Evaluation.run("dreamer", dir.resolve("bev").toString(), 2, 1, "default-town", 20, 0, dir);
        assertThat(r.episodes()).isEqualTo(2);
        assertThat(r.routeCompletion()).isBetween(0.0, 1.0);
    }

    @Test
    void evaluatesTheAutopilotAndRejectsAnUnknownAgent(@TempDir Path dir) {
        EvalResult r = Evaluation.run("autopilot", null, 2, 1, "default-town", 300, 0, dir);
        assertThat(r.agent()).isEqualTo("autopilot");
        assertThat(r.episodes()).isEqualTo(2);
        assertThat(r.routeCompletion()).isPositive();
        assertThat(r.meanSpeedMps()).isPositive();
        assertThat(r.collisionRate()).isZero();
        assertThatThrownBy(() -> Evaluation.run("bogus", null, 1, 1, "default-town", 10, 0, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--agent");
    }
}

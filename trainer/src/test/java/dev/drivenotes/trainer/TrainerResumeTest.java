package dev.drivenotes.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.CheckpointMeta;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.trainer.learning.LearnerState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Determinism for a seed, and {@code --resume} restoring parameters, Adam state and replay. */
class TrainerResumeTest {

    private static TrainSettings tiny(Path out, Path data, long steps, long seed, boolean resume) {
        return TinyTraining.settings(steps, "tiny", seed, out, data)
                .resume(resume)
                .build();
    }

    private static CheckpointMeta train(TrainSettings settings, ByteArrayOutputStream log) {
        return new Trainer(settings, new PrintStream(log, true, StandardCharsets.UTF_8), "test").run();
    }

    private static byte[] bytes(Path dir, String file) throws IOException {
        return Files.readAllBytes(dir.resolve(file));
    }

    private static LearnerState.Meta optimizer(Path dir) {
        return Json.mapper().readValue(dir.resolve(LearnerState.META).toFile(), LearnerState.Meta.class);
    }

    @Test
    void twoRunsWithTheSameSeedWriteIdenticalCheckpointsAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
        CheckpointMeta a = train(tiny(dir.resolve("a"), dir, 240, 3, false), new ByteArrayOutputStream());
        CheckpointMeta b = train(tiny(dir.resolve("b"), dir, 240, 3, false), new ByteArrayOutputStream());
        CheckpointMeta c = train(tiny(dir.resolve("c"), dir, 240, 4, false), new ByteArrayOutputStream());

        assertThat(b.envSteps()).isEqualTo(a.envSteps());
        assertThat(b.updates()).isEqualTo(a.updates()).isPositive();
        assertThat(b.stats()).isEqualTo(a.stats()).containsKey("modelLoss");
        for (String file : new String[] {Checkpoint.PARAMS, LearnerState.MOMENTS, ReplayFile.NAME}) {
            assertThat(bytes(dir.resolve("b"), file)).as(file).isEqualTo(bytes(dir.resolve("a"), file));
        }
        assertThat(optimizer(dir.resolve("b"))).isEqualTo(optimizer(dir.resolve("a")));
        assertThat(Arrays.equals(
                        bytes(dir.resolve("c"), Checkpoint.PARAMS), bytes(dir.resolve("a"), Checkpoint.PARAMS)))
                .as("params of seed 4 equal those of seed 3")
                .isFalse();
        assertThat(c.stats()).isNotEqualTo(a.stats());
    }

    @Test
    void resumeRestoresCountersOptimizerAndReplayAndRepeatsForTheSameCheckpoint(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("ckpt");
        CheckpointMeta first = train(tiny(out, dir, 240, 3, false), new ByteArrayOutputStream());
        LearnerState.Meta firstOptimizer = optimizer(out);
        long firstReplay = ReplayFile.load(out, first.envSteps(), 2, TinyTraining.REPLAY_CAPACITY, 0, 0)
                .size();
        assertThat(firstOptimizer.adamSteps().get("model")).isPositive();
        Path copy = dir.resolve("copy");
        copyFolder(out, copy);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CheckpointMeta resumed = train(tiny(out, dir, 480, 3, true), log);

        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("resuming " + out + " at " + first.envSteps() + " env steps, " + first.updates() + " updates")
                .contains("restored optimizer state: Adam steps " + firstOptimizer.adamSteps())
                .contains("restored replay: " + firstReplay + " steps in 2 streams");
        assertThat(resumed.envSteps()).isGreaterThanOrEqualTo(480);
        assertThat(resumed.updates()).isGreaterThan(first.updates());
        assertThat(resumed.wallSeconds()).isGreaterThan(first.wallSeconds());
        LearnerState.Meta resumedOptimizer = optimizer(out);
        assertThat(resumedOptimizer.adamSteps().get("model"))
                .isGreaterThan(firstOptimizer.adamSteps().get("model"));
        assertThat(resumedOptimizer.envSteps()).isEqualTo(resumed.envSteps());
        long resumedReplay = ReplayFile.load(out, resumed.envSteps(), 2, TinyTraining.REPLAY_CAPACITY, 0, 0)
                .size();
        assertThat(resumedReplay).isGreaterThan(firstReplay);

        train(tiny(copy, dir, 480, 3, true), new ByteArrayOutputStream());
        assertThat(bytes(copy, Checkpoint.PARAMS)).isEqualTo(bytes(out, Checkpoint.PARAMS));
        assertThat(bytes(copy, ReplayFile.NAME)).isEqualTo(bytes(out, ReplayFile.NAME));
    }

    @Test
    void resumeRejectsCorruptOrMismatchedTrainingStateAndStartsFreshWithoutIt(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("ckpt");
        CheckpointMeta first = train(tiny(out, dir, 150, 3, false), new ByteArrayOutputStream());

        Path corrupt = dir.resolve("corrupt");
        copyFolder(out, corrupt);
        byte[] moments = bytes(corrupt, LearnerState.MOMENTS);
        Files.write(corrupt.resolve(LearnerState.MOMENTS), Arrays.copyOf(moments, moments.length / 2));
        assertThatThrownBy(() -> train(tiny(corrupt, dir, 300, 3, true), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(LearnerState.MOMENTS);

        Path mismatched = dir.resolve("mismatched");
        copyFolder(out, mismatched);
        String json = Files.readString(mismatched.resolve(LearnerState.META));
        Files.writeString(
                mismatched.resolve(LearnerState.META),
                json.replaceFirst("\"envSteps\"\\s*:\\s*" + first.envSteps(), "\"envSteps\": 7"));
        assertThatThrownBy(() -> train(tiny(mismatched, dir, 300, 3, true), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("saved at env step 7 but checkpoint.json is at " + first.envSteps());

        Path truncated = dir.resolve("truncated");
        copyFolder(out, truncated);
        byte[] replay = bytes(truncated, ReplayFile.NAME);
        Files.write(truncated.resolve(ReplayFile.NAME), Arrays.copyOf(replay, replay.length - 100));
        assertThatThrownBy(() -> train(tiny(truncated, dir, 300, 3, true), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ReplayFile.NAME);

        assertThatThrownBy(() -> train(
                        TinyTraining.settings(300, "tiny", 3, out, dir)
                                .resume(true)
                                .envs(3, 1)
                                .build(),
                        new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--envs: the checkpoint's replay has 2 streams, not 3");

        Path paramsOnly = dir.resolve("params-only");
        Files.createDirectories(paramsOnly);
        Files.copy(out.resolve(Checkpoint.PARAMS), paramsOnly.resolve(Checkpoint.PARAMS));
        Files.copy(out.resolve(Checkpoint.META), paramsOnly.resolve(Checkpoint.META));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CheckpointMeta fresh = train(tiny(paramsOnly, dir, 300, 3, true), log);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("fresh Adam moments")
                .contains("starting with an empty replay");
        assertThat(fresh.updates()).isGreaterThan(first.updates());
        assertThat(optimizer(paramsOnly).envSteps()).isEqualTo(fresh.envSteps());
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}

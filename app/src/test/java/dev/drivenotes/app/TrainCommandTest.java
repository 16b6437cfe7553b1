package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.trainer.TrainSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainCommandTest {

    private static TrainSettings parse(String... args) {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    @Test
    void withOnlyStepsTrainsWithTheDocumentedDefaults() {
        TrainSettings settings = parse("--steps", "5000");

        assertThat(settings).isEqualTo(TrainSettings.defaults(5000).build());
        // docs/agent.md's training run: the defaults a user relies on
        assertThat(settings.preset()).isEqualTo("compact");
        assertThat(settings.seed()).isEqualTo(7);
        assertThat(settings.out()).isEqualTo(Path.of("checkpoints/dreamer"));
        assertThat(settings.resume()).isFalse();
        assertThat(settings.envs()).isEqualTo(4);
        assertThat(settings.demoEnvs()).isEqualTo(1);
        assertThat(settings.warmupSteps()).isEqualTo(2_000);
        assertThat(settings.stepsPerUpdate()).isEqualTo(8);
        assertThat(settings.batch()).isEqualTo(8);
        assertThat(settings.length()).isEqualTo(32);
        assertThat(settings.maxEpisodeSteps()).isEqualTo(1_500);
        assertThat(settings.npcs()).isEqualTo(20);
        assertThat(settings.dataDir()).isEqualTo(Path.of(".drivenotes"));
        assertThat(settings.map()).isEqualTo("default-town");
        assertThat(settings.replayCapacity()).isEqualTo(1_000_000);
    }

    @Test
    void eachOptionChangesItsSettingOnly() {
        TrainSettings settings = parse(
                "--steps",
                "10",
                "--preset",
                "tiny-bev",
                "--seed",
                "3",
                "--out",
                "o",
                "--resume",
                "--envs",
                "6",
                "--demo-envs",
                "2",
                "--npcs",
                "0",
                "--data",
                "d",
                "--replay-capacity",
                "5000");

        assertThat(settings)
                .isEqualTo(TrainSettings.defaults(10)
                        .preset("tiny-bev")
                        .seed(3)
                        .out(Path.of("o"))
                        .resume(true)
                        .envs(6, 2)
                        .npcs(0)
                        .dataDir(Path.of("d"))
                        .replayCapacity(5000)
                        .build());
    }
}

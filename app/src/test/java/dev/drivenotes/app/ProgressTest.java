package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsAPlainLineOnlyWhenTheEpisodesDoneChangeWhenNotOnATerminal() {
        Progress progress = new Progress(out, false, 4);

        progress.update(1.0, 0, Double.NaN, null);
        progress.update(2.0, 0, 900, null);
        progress.update(3.0, 1, 950, Duration.ofSeconds(9));
        progress.finish();

        assertThat(printed().lines())
                .containsExactly(
                        "  [   1.0 s] [....................] 0/4 episodes done, -- steps/s, ETA --",
                        "  [   3.0 s] [#####...............] 1/4 episodes done, 950 steps/s, ETA 9 s");
    }

    @Test
    void rewritesOneLineInPlaceOnATerminalAndEndsItWhenFinished() {
        Progress progress = new Progress(out, true, 2);

        progress.update(1.0, 0, 1200, null);
        progress.update(2.0, 0, 1100, null);
        progress.finish();

        assertThat(printed()).startsWith("\r").contains("\r  [   2.0 s]").endsWith(System.lineSeparator());
        // "\r" goes back to the line's start; one newline, at the end
        assertThat(printed().chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void estimatesTheTimeLeftFromTheMeanTimePerFinishedEpisode() {
        assertThat(Progress.eta(30, 0, 4)).isNull();
        assertThat(Progress.eta(30, 1, 4)).isEqualTo(Duration.ofSeconds(90));
        assertThat(Progress.eta(30, 4, 4)).isEqualTo(Duration.ZERO);
    }

    @Test
    void sumsTheSimulationStepCounterOverItsSeries() {
        String scrape = """
                # HELP drivenotes_simulation_steps_total simulation steps taken
                # TYPE drivenotes_simulation_steps_total counter
                drivenotes_simulation_steps_total{application="carla-runner"} 1200.0
                drivenotes_simulation_steps_total{application="carla-runner",shard="b"} 34.0
                drivenotes_simulation_step_latency_seconds_count{application="carla-runner"} 99.0
                """;

        assertThat(StepRate.steps(scrape)).isEqualTo(1234.0);
        assertThat(StepRate.steps("")).isZero();
    }
}

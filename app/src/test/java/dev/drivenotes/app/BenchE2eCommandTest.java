package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.platform.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BenchE2eCommandTest {

    @Test
    void drivesOneExperimentThroughTheSuiteAndSplitsItsWallTimeIntoHops() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriveNotes.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "bench",
                "e2e",
                "--episodes",
                "1",
                "--max-steps",
                "50",
                "--json");
        assertThat(code).as(err.toString()).isZero();

        JsonNode figures = Json.mapper().readTree(out.toString());
        List<String> keys = new ArrayList<>();
        figures.propertyNames().forEach(keys::add);
        assertThat(keys)
                .contains(
                        "closedLoopStepsPerSecond",
                        "stepLatencyP50Ms",
                        "stepLatencyP99Ms",
                        "shares",
                        "startupSeconds",
                        "steps",
                        "drivingSeconds",
                        "wallSeconds");
        assertThat(figures.get("closedLoopStepsPerSecond").asDouble()).isPositive();
        assertThat(figures.get("steps").asLong()).isPositive().isLessThanOrEqualTo(50);
        double p50 = figures.get("stepLatencyP50Ms").asDouble();
        assertThat(p50)
                .isPositive()
                .isLessThanOrEqualTo(figures.get("stepLatencyP99Ms").asDouble());
        assertThat(figures.get("startupSeconds").asDouble()).isPositive();
        assertThat(figures.get("drivingSeconds").asDouble())
                .isPositive()
                .isLessThan(figures.get("wallSeconds").asDouble());

        JsonNode shares = figures.get("shares");
        List<String> hops = new ArrayList<>();
        shares.propertyNames().forEach(hops::add);
        assertThat(hops)
                .containsExactly("simulation", "inference", "transport", "recording", "orchestration", "reporting");
        double sum = 0;
        for (String hop : hops) {
            double share = shares.get(hop).asDouble();
            assertThat(share).as(hop).isBetween(0.0, 1.0);
            sum += share;
        }
        assertThat(sum).isCloseTo(1.0, within(0.02));
        // every hop of the closed loop was seen in its own service's meters
        assertThat(shares.get("simulation").asDouble()).isPositive();
        assertThat(shares.get("inference").asDouble()).isPositive();
        assertThat(shares.get("reporting").asDouble()).isPositive();
    }

    @Test
    void rejectsZeroEpisodesInFlightNamingTheOption() {
        StringWriter err = new StringWriter();
        int code = DriveNotes.execute(new PrintWriter(err, true), "bench", "e2e", "--parallel", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--parallel");
    }
}

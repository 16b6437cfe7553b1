package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code run}'s Ctrl-C through the real suite: the handler cancels the experiment in flight, the
 * orchestrator stops it and publishes ExperimentCancelled, the reporter records CANCELLED (no report),
 * and nothing is marked FAILED.
 */
class CancelEndToEndTest {

    @TempDir
    Path data;

    @Test
    void ctrlCCancelsTheExperimentInFlightAndTheReporterRecordsIt() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        LocalApi api = new LocalApi();
        Suite suite = Suite.start(new Suite.Settings(0, data, false));
        AtomicReference<String> inFlight = new AtomicReference<>();
        CountDownLatch accepted = new CountDownLatch(1);
        try (CancelOnInterrupt ctrlC = CancelOnInterrupt.register(suite, api, console)) {
            ExperimentConfig config = ExperimentConfigBuilder.experiment("ctrl-c")
                    .agent("autopilot")
                    .episodes(4)
                    .seed(5L)
                    .maxSteps(3000)
                    .parallelEpisodes(1)
                    .build();
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return new RunCommand.ExperimentRun(
                                    api, suite, console, Duration.ofMinutes(5), data.resolve("runs"))
                            .run(config, System.nanoTime(), id -> {
                                ctrlC.inFlight(id);
                                inFlight.set(id);
                                accepted.countDown();
                            });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(accepted.await(2, TimeUnit.MINUTES)).isTrue();
            awaitRunning(api, suite, inFlight.get());

            ctrlC.interrupted();

            assertThat(run.handle((exit, failure) -> exit).get(1, TimeUnit.MINUTES))
                    .as("run ends CANCELLED (1), or stops following once the suite is down")
                    .isIn(1, null);
        } finally {
            suite.close();
        }

        String id = inFlight.get();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Interrupted: experiment " + id + " cancelled.")
                .doesNotContain("FAILED")
                .doesNotContain("Exception");
        JsonNode state = Json.mapper()
                .readTree(
                        data.resolve("orchestrator/experiments/" + id + ".json").toFile());
        assertThat(state.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(state.get("outbox").size())
                .as("ExperimentCancelled was published")
                .isZero();
        assertThat(state.get("episodes").size()).isLessThan(4);
        assertThat(reporterStatus(id)).isEqualTo("CANCELLED");
        assertThat(data.resolve("artifacts/reports/" + id)).doesNotExist();
        // runners may still report progress after the cancellation: the reporter got past it
        assertThat(Long.parseLong(Files.readString(data.resolve("events/offsets/reporter.offset"))
                        .strip()))
                .as("the reporter consumed the ExperimentCancelled event")
                .isGreaterThan(seqOfCancellation(data.resolve("events/log"), id));
    }

    /** The log sequence number of the experiment's ExperimentCancelled event. */
    private static long seqOfCancellation(Path log, String id) throws IOException {
        try (var segments = Files.list(log)) {
            for (Path segment : segments.sorted().toList()) {
                for (String line : Files.readAllLines(segment)) {
                    if (line.contains("ExperimentCancelled") && line.contains(id)) {
                        return Json.mapper().readTree(line).get("seq").asLong();
                    }
                }
            }
        }
        throw new AssertionError("no ExperimentCancelled event for " + id + " in " + log);
    }

    private static void awaitRunning(LocalApi api, Suite suite, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = api.get(suite.orchestrator().resolve("/v1/experiments/" + id))
                    .body();
            if (view.get("status").asString().equals("RUNNING")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("experiment " + id + " never ran");
    }

    private String reporterStatus(String id) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection db = DriverManager.getConnection(
                        "jdbc:duckdb:"
                                + data.resolve("reporter/drivenotes.duckdb").toAbsolutePath(),
                        readOnly);
                PreparedStatement q = db.prepareStatement("SELECT status FROM experiments WHERE experiment_id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}

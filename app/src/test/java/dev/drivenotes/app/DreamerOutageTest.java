package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The long form of the dependency-outage test ({@code tools/outage-test.sh}; the short form is the
 * orchestrator's DependencyOutageTest): the four services as separate processes ({@link
 * ProcessSuite}, events over the Pub/Sub emulator), an experiment submitted, then dreamer-service
 * frozen with SIGSTOP for each outage of {@code -Ddrivenotes.outage-test.outages=60,600} (seconds)
 * and resumed with SIGCONT. Every experiment must end with a report (COMPLETED, or
 * COMPLETED_WITH_FAILURES with a reason for each failed episode) and leave no simulation open on
 * carla-runner; an outage of at most 60 s must be ridden out (COMPLETED), one of 600 s or more must
 * fail the episodes it stalls. Prints one line of figures per outage.
 */
class DreamerOutageTest {

    static final String OUTAGES_PROPERTY = "drivenotes.outage-test.outages";
    private static final int EPISODES = 6;
    private static final Duration AFTER_OUTAGE = Duration.ofMinutes(15);
    private static final Pattern STARTED =
            Pattern.compile("episode (\\S+) started \\(attempt \\d+\\): simulation (\\S+),");

    @TempDir
    Path dir;

    private final LocalApi api = new LocalApi();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private record Figures(String status, int completed, List<String> failures, int starts, List<String> open) {}

    @Test
    void dreamerServiceOutagesLongForm() throws Exception {
        String outages = System.getProperty(OUTAGES_PROPERTY, "");
        Assumptions.assumeTrue(
                !outages.isBlank(), "the long form runs with -D" + OUTAGES_PROPERTY + "=S,... (tools/outage-test.sh)");
        Assumptions.assumeTrue(
                Files.isRegularFile(PubSubEmulator.launcher()),
                "the Pub/Sub emulator is not installed: the services cannot run as separate processes");
        List<Integer> seconds = Arrays.stream(outages.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
        Path data = dir.resolve("data");
        List<String> problems = new ArrayList<>();
        try (ProcessSuite suite = ProcessSuite.start(new Suite.Settings(0, data, true))) {
            for (int outageS : seconds) {
                long started = System.nanoTime();
                Figures f = outage(suite, data, outageS);
                System.out.printf(
                        "OUTAGE TEST dreamer-service frozen %4d s: %s after %4d s, %d/%d episodes completed,"
                                + " %d failed, %d episode starts, %d simulations left open%s%n",
                        outageS,
                        f.status(),
                        (System.nanoTime() - started) / 1_000_000_000L,
                        f.completed(),
                        EPISODES,
                        f.failures().size(),
                        f.starts(),
                        f.open().size(),
                        f.failures().isEmpty()
                                ? ""
                                : "; first failure: " + f.failures().getFirst());
                if (!f.open().isEmpty()) {
                    problems.add(outageS + " s: simulations left open " + f.open());
                }
                if (outageS <= 60 && !f.status().equals("COMPLETED")) {
                    problems.add(outageS + " s: ended " + f.status() + ", not COMPLETED");
                }
                if (outageS >= 600 && f.failures().isEmpty()) {
                    problems.add(outageS + " s: no episode failed");
                }
                if (f.failures().stream().anyMatch(String::isBlank)) {
                    problems.add(outageS + " s: a failed episode without a reason");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private Figures outage(ProcessSuite suite, Path data, int outageS) throws Exception {
        URI orchestrator = suite.urls().get("orchestrator");
        ExperimentConfig config = ExperimentConfigBuilder.experiment("outage-" + outageS)
                .agent("autopilot")
                .episodes(EPISODES)
                .seed(7L)
                .maxSteps(3000)
                .parallelEpisodes(3)
                .build();
        String id = api.post(orchestrator.resolve("/v1/experiments"), config)
                .body()
                .get("id")
                .asString();
        Thread.sleep(2_000);
        long dreamer = suite.process(SuiteService.DREAMER_SERVICE.serviceName()).pid();
        signal("-STOP", dreamer);
        try {
            Thread.sleep(Duration.ofSeconds(outageS));
        } finally {
            signal("-CONT", dreamer);
        }
        JsonNode view = awaitReport(orchestrator.resolve("/v1/experiments/" + id));
        List<String> failures = new ArrayList<>();
        view.get("failedEpisodes").forEach(f -> failures.add(f.get("reason").asString()));
        List<String> simulations = simulationsOf(data.resolve("logs/carla-runner.log"), id);
        if (simulations.size() < EPISODES) {
            throw new IllegalStateException("the runner's log names " + simulations.size() + " simulations for "
                    + EPISODES + " episodes: cannot check for leaks");
        }
        List<String> open = new ArrayList<>();
        for (String simulation : simulations) {
            if (status(suite.urls().get("carla-runner").resolve("/v1/simulations/" + simulation)) != 404) {
                open.add(simulation);
            }
        }
        return new Figures(
                view.get("status").asString(),
                view.get("episodesCompleted").asInt(),
                failures,
                simulations.size(),
                open);
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", signal, Long.toString(pid))
                .inheritIO()
                .start()
                .waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill " + signal + " " + pid + " exited " + exit);
        }
    }

    private JsonNode awaitReport(URI experiment) throws InterruptedException {
        long deadline = System.nanoTime() + AFTER_OUTAGE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = api.get(experiment).body();
            String status = view.get("status").asString();
            boolean reported = (status.equals("COMPLETED") || status.equals("COMPLETED_WITH_FAILURES"))
                    && view.hasNonNull("reportUri");
            if (reported || status.equals("FAILED") || status.equals("CANCELLED")) {
                return view;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(experiment + " had no report within " + AFTER_OUTAGE + " after the outage");
    }

    /**
     * Every simulation the orchestrator started for the experiment's episodes, as its log names them
     * (the suite runs verbose: INFO lines are logged).
     */
    private static List<String> simulationsOf(Path runnerLog, String experimentId) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(runnerLog)) {
            Matcher m = STARTED.matcher(line);
            if (m.find() && m.group(1).startsWith(experimentId + "-e")) {
                ids.add(m.group(2));
            }
        }
        return ids;
    }

    private int status(URI uri) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}

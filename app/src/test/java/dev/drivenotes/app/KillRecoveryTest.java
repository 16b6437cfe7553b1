package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The suite as an operator runs it, killed with SIGKILL: {@code drivenotes up} in its own JVM, an
 * experiment submitted over REST, {@code kill -9} at chosen moments, {@code up} again on the same
 * data folder; in the end the experiment completed exactly once ({@link ExactlyOnceCheck}). The
 * short form (three kills in one experiment) runs in the build; the long form ({@code
 * tools/kill-test.sh}: {@code -Ddrivenotes.kill-test.rounds=N} random kills, one experiment each)
 * prints its figures.
 */
class KillRecoveryTest {

    static final String ROUNDS_PROPERTY = "drivenotes.kill-test.rounds";
    private static final int EPISODES = 2;
    private static final Duration EXPERIMENT_TIMEOUT = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private final LocalApi api = new LocalApi();
    private int starts;

    private SuiteProcess up() throws Exception {
        starts++;
        return SuiteProcess.start(dir.resolve("data"), dir.resolve("up-" + starts + ".log"));
    }

    private static ExperimentConfig config(String name, long seed) {
        return ExperimentConfigBuilder.experiment(name)
                .agent("autopilot")
                .episodes(EPISODES)
                .seed(seed)
                .maxSteps(3000)
                .build();
    }

    private String submit(SuiteProcess suite, ExperimentConfig config) {
        return api.post(suite.orchestrator().resolve("/v1/experiments"), config)
                .body()
                .get("id")
                .asString();
    }

    private JsonNode view(SuiteProcess suite, String id) {
        return api.get(suite.orchestrator().resolve("/v1/experiments/" + id)).body();
    }

    /** Polls the experiment until {@code moment} holds; returns the view that satisfied it. */
    private JsonNode await(SuiteProcess suite, String id, Predicate<JsonNode> moment) throws InterruptedException {
        long deadline = System.nanoTime() + EXPERIMENT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = view(suite, id);
            if (moment.test(view)) {
                return view;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("experiment " + id + " did not get there within " + EXPERIMENT_TIMEOUT);
    }

    private static boolean running(JsonNode view) {
        return view.get("status").asString().equals("RUNNING");
    }

    private static boolean completed(JsonNode view) {
        return view.get("status").asString().equals("COMPLETED");
    }

    private static boolean reported(JsonNode view) {
        return completed(view) && view.hasNonNull("reportUri");
    }

    @Test
    void anExperimentKilledThreeTimesCompletesExactlyOnceWithEveryEpisodeNoteAndRow() throws Exception {
        SuiteProcess suite = up();
        String id = submit(suite, config("kill-3", 11));
        List<Predicate<JsonNode>> killPoints = List.of(
                view -> running(view) && view.get("episodesCompleted").asInt() == 0,
                view -> view.get("episodesCompleted").asInt() >= 1 || completed(view),
                KillRecoveryTest::completed);
        for (Predicate<JsonNode> killPoint : killPoints) {
            JsonNode atKill = await(suite, id, killPoint);
            suite.kill();
            System.out.printf(
                    "killed drivenotes up with %s %d/%d episodes, report %s%n",
                    atKill.get("status").asString(),
                    atKill.get("episodesCompleted").asInt(),
                    EPISODES,
                    atKill.hasNonNull("reportUri") ? "published" : "not yet");
            suite = up();
        }
        await(suite, id, KillRecoveryTest::reported);
        suite.stop();

        assertThat(ExactlyOnceCheck.problems(dir.resolve("data"), id, EPISODES)).isEmpty();
    }

    @Test
    void randomKillsLongForm() throws Exception {
        int rounds = Integer.getInteger(ROUNDS_PROPERTY, 0);
        Assumptions.assumeTrue(rounds > 0, "the long form runs with -D" + ROUNDS_PROPERTY + "=N (tools/kill-test.sh)");
        Random random = new Random(Long.getLong("drivenotes.kill-test.seed", 20261124L));
        Map<String, String> killedAt = new LinkedHashMap<>();
        List<Long> recoverySeconds = new ArrayList<>();
        SuiteProcess suite = up();
        for (int round = 1; round <= rounds; round++) {
            String id = submit(suite, config("kill-round-" + round, 100 + round));
            long delayMs = 500 + random.nextInt(30_000);
            Thread.sleep(delayMs);
            JsonNode atKill = view(suite, id);
            suite.kill();
            killedAt.put(
                    id,
                    "%5.1f s after submit, %s with %d/%d episodes"
                            .formatted(
                                    delayMs / 1000.0,
                                    atKill.get("status").asString(),
                                    atKill.get("episodesCompleted").asInt(),
                                    EPISODES));
            long restarted = System.nanoTime();
            suite = up();
            await(suite, id, KillRecoveryTest::reported);
            recoverySeconds.add((System.nanoTime() - restarted) / 1_000_000_000L);
        }
        suite.stop();

        int clean = 0;
        System.out.printf("%nKILL TEST: %d rounds, one SIGKILL each, %d starts of drivenotes up%n", rounds, starts);
        int index = 0;
        for (Map.Entry<String, String> round : killedAt.entrySet()) {
            List<String> problems = ExactlyOnceCheck.problems(dir.resolve("data"), round.getKey(), EPISODES);
            clean += problems.isEmpty() ? 1 : 0;
            System.out.printf(
                    "KILL TEST round %2d: killed %s; restart to report %3d s; %s%n",
                    index + 1,
                    round.getValue(),
                    recoverySeconds.get(index),
                    problems.isEmpty() ? "completed exactly once" : "PROBLEMS " + problems);
            index++;
        }
        System.out.printf("KILL TEST: %d/%d experiments completed exactly once%n", clean, rounds);
        assertThat(clean).isEqualTo(rounds);
    }
}

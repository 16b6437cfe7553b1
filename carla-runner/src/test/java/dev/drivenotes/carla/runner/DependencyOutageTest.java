package dev.drivenotes.carla.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EpisodeFailed;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.remote.RemoteCalls;
import dev.drivenotes.platform.remote.TestRemoteCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short form of the dependency-outage test (the long form, against the real services, is
 * tools/outage-test.sh): dreamer-service answering 503 for several seconds, not answering for three
 * seconds, and down for good, with a runner as carla-runner wires it against {@link FakeServices}.
 */
class DependencyOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(3);

    @TempDir
    Path data;

    private FakeServices fake;
    private TestRunner runner;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeServices();
    }

    @AfterEach
    void stop() {
        runner.close();
        fake.close();
    }

    /** Two episodes at once, each with two attempts, the second at once after the first failed. */
    private TestRunner runner(RemoteCalls calls, Duration retryDelay) {
        runner = new TestRunner(
                fake,
                data,
                new LocalFolderArtifactStore(data.resolve("artifacts")),
                calls,
                new SimpleMeterRegistry(),
                2,
                2,
                retryDelay);
        return runner;
    }

    /**
     * Predict retried 8 times from 100 ms (at least 6 s of waits) with a {@code readTimeout}; an
     * episode that still fails is started again at once.
     */
    private TestRunner ridingOutOutages(Duration readTimeout) {
        return runner(
                TestRemoteCalls.with(readTimeout, 8, Duration.ofMillis(100), Duration.ofMillis(500)), Duration.ZERO);
    }

    private static ExperimentConfig twoEpisodes() {
        return ExperimentConfigBuilder.experiment("outage")
                .agent("autopilot")
                .episodes(2)
                .seed(100L)
                .maxSteps(100)
                .parallelEpisodes(2)
                .build();
    }

    @Test
    void ridesOutADreamerServiceAnswering503ForSeveralSecondsWithRetries() throws Exception {
        // 6 refused calls span the first 6 waits of the backoff: 6.3 s, give or take the jitter
        fake.predictOutages.set(6);

        List<?> outcomes = ridingOutOutages(Duration.ofSeconds(5)).drive("exp-503", twoEpisodes());

        assertThat(outcomes).hasSize(2).allMatch(EpisodeCompleted.class::isInstance);
        assertThat(fake.createdSeeds).as("no episode had to start again").hasSize(2);
        // one answered predict per lockstep tick, plus the 6 refused
        assertThat(fake.predictCalls).hasValue(fake.batchSizes.size() + 6);
        assertThat(fake.live).isEmpty();
    }

    @Test
    void ridesOutADreamerServiceThatDoesNotAnswerForThreeSeconds() throws Exception {
        // a 1 s read timeout: each predict in the freeze times out and is retried
        fake.freezeAtNextPredict = OUTAGE;

        List<?> outcomes = ridingOutOutages(Duration.ofSeconds(1)).drive("exp-frozen", twoEpisodes());

        assertThat(outcomes).hasSize(2).allMatch(EpisodeCompleted.class::isInstance);
        assertThat(fake.predictCalls.get()).isGreaterThan(10);
        assertThat(fake.live).isEmpty();
    }

    @Test
    void aDreamerServiceDownForGoodFailsTheEpisodesWithTheReasonAndLeavesNoSimulationOpen() throws Exception {
        fake.dreamerDown = true;

        List<?> outcomes =
                runner(TestRemoteCalls.fast(), Duration.ofMillis(100)).drive("exp-down", twoEpisodes());
        runner.awaitIdle();

        assertThat(outcomes)
                .hasSize(2)
                .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(EpisodeFailed.class, f -> {
                    // the service's own answer, or the breaker that opened on it
                    assertThat(f.reason())
                            .matches("dreamer-service (answered 503: dreamer-service unavailable"
                                    + "|unreachable: not called: its circuit breaker is open.*)");
                    assertThat(f.attempts()).isEqualTo(2);
                }));
        assertThat(fake.created).hasSize(4);
        assertThat(fake.live).as("simulations left open").isEmpty();
    }
}

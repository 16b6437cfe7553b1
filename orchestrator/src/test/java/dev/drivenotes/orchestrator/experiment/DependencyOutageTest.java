package dev.drivenotes.orchestrator.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.orchestrator.clients.RemoteCalls;
import dev.drivenotes.orchestrator.clients.TestRemoteCalls;
import dev.drivenotes.orchestrator.episode.FakeServices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short form of the dependency-outage test (the long form, against the real services, is
 * tools/outage-test.sh): dreamer-service answering 503 for several seconds, not answering for three
 * seconds, and down for good, with the real service, driver and clients against {@link FakeServices} on loopback.
 */
class DependencyOutageTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static final Duration OUTAGE = Duration.ofSeconds(3);

    @TempDir
    Path data;

    private FakeServices fake;
    private ExperimentStore store;
    private ExperimentService service;
    private final EventPublisher events = e -> CompletableFuture.completedFuture(null);

    @BeforeEach
    void start() throws Exception {
        fake = new FakeServices();
        store = new LocalExperimentStore(data.resolve("experiments"));
    }

    @AfterEach
    void stop() throws Exception {
        service.destroy();
        fake.close();
    }

    /**
     * Predict retried 8 times from 100 ms (at least 6 s of waits) with a {@code readTimeout}; an
     * episode that still fails is started again at once.
     */
    private void serviceRidingOutOutages(Duration readTimeout) {
        RemoteCalls calls = TestRemoteCalls.with(readTimeout, 8, Duration.ofMillis(100), Duration.ofMillis(500));
        service = LocalExperimentServices.on(
                store, fake.uri(), data, events, calls, TestRemoteCalls.properties(readTimeout, 2, Duration.ZERO));
    }

    private Experiment run(String id) {
        store.create(Experiment.accepted(
                id,
                new ExperimentConfig(
                        "outage",
                        null,
                        "autopilot",
                        2,
                        100L,
                        null,
                        null,
                        100,
                        null,
                        null,
                        null,
                        null,
                        null,
                        2,
                        null,
                        null,
                        null,
                        null),
                T0));
        service.run(id);
        return store.find(id).orElseThrow();
    }

    @Test
    void ridesOutADreamerServiceAnswering503ForSeveralSecondsWithRetries() {
        serviceRidingOutOutages(Duration.ofSeconds(5));
        // 6 refused calls span the first 6 waits of the backoff: 6.3 s, give or take the jitter
        fake.predictOutages.set(6);

        Experiment done = run("exp-503");

        assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(done.episodes()).hasSize(2);
        assertThat(fake.createdSeeds).as("no episode had to start again").hasSize(2);
        // the fake's episodes take 10 lockstep ticks, one predict each, plus the 6 refused
        assertThat(fake.predictCalls).hasValue(16);
        assertThat(fake.live).isEmpty();
    }

    @Test
    void ridesOutADreamerServiceThatDoesNotAnswerForThreeSeconds() {
        // a 1 s read timeout: each predict in the freeze times out and is retried
        serviceRidingOutOutages(Duration.ofSeconds(1));
        fake.freezeAtNextPredict = OUTAGE;

        Experiment done = run("exp-frozen");

        assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(done.episodes()).hasSize(2);
        assertThat(fake.predictCalls.get()).isGreaterThan(10);
        assertThat(fake.live).isEmpty();
    }

    @Test
    void aDreamerServiceDownForGoodFailsTheEpisodesWithTheReasonAndLeavesNoSimulationOpen() {
        service = LocalExperimentServices.on(
                store,
                fake.uri(),
                data,
                events,
                TestRemoteCalls.fast(),
                TestRemoteCalls.properties(Duration.ofSeconds(1), 2, Duration.ofMillis(100)));
        fake.dreamerDown = true;

        Experiment done = run("exp-down");

        assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED_WITH_FAILURES);
        assertThat(done.episodes()).isEmpty();
        assertThat(done.failedEpisodes())
                .hasSize(2)
                .allSatisfy(f ->
                        assertThat(f.reason()).isEqualTo("dreamer-service answered 503: dreamer-service unavailable"))
                .extracting(EpisodeFailure::attempts)
                .containsOnly(2);
        assertThat(fake.created).hasSize(4);
        assertThat(fake.live).as("simulations left open").isEmpty();
    }
}

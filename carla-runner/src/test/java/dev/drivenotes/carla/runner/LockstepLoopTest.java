package dev.drivenotes.carla.runner;

import static dev.drivenotes.carla.runner.FakeServices.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EpisodeFailed;
import dev.drivenotes.model.event.EpisodeRequested;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.json.TrajectoryCodec;
import dev.drivenotes.platform.remote.TestRemoteCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's closed loop, wired as carla-runner wires it, on a durable in-process bus: work items
 * in, episodes driven in lockstep against {@link FakeServices}, outcomes out.
 */
class LockstepLoopTest {

    @TempDir
    Path data;

    private FakeServices fake;
    private LocalFolderArtifactStore artifacts;
    private SimpleMeterRegistry meters;
    private TestRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeServices();
        artifacts = new LocalFolderArtifactStore(data.resolve("artifacts"));
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void tearDown() {
        if (runner != null) {
            runner.close();
        }
        fake.close();
    }

    /** A runner with {@code inFlight} episodes at once, two attempts per episode 50 ms apart. */
    private TestRunner runner(int inFlight) {
        runner = new TestRunner(
                fake, data, artifacts, TestRemoteCalls.fast(), meters, inFlight, 2, Duration.ofMillis(50));
        return runner;
    }

    private static List<EpisodeCompleted> completed(List<?> outcomes) {
        return outcomes.stream()
                .filter(EpisodeCompleted.class::isInstance)
                .map(EpisodeCompleted.class::cast)
                .toList();
    }

    private static List<EpisodeFailed> failed(List<?> outcomes) {
        return outcomes.stream()
                .filter(EpisodeFailed.class::isInstance)
                .map(EpisodeFailed.class::cast)
                .toList();
    }

    @Test
    void drivesEpisodesInBatchesAndStoresTheirTrajectoriesBeforeAcknowledgingTheirWorkItems() throws Exception {
        List<EpisodeCompleted> completed = completed(runner(2).drive("exp-1", config(3, 2)));
        runner.awaitIdle();

        List<EpisodeSummary> finished =
                completed.stream().map(EpisodeCompleted::summary).toList();
        assertThat(finished).extracting(EpisodeSummary::index).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(finished).extracting(EpisodeSummary::termination).containsOnly(Termination.REACHED_DESTINATION);
        assertThat(finished).extracting(EpisodeSummary::steps).containsOnly(10);
        // two episodes share each predict call while both are in flight
        assertThat(fake.batchSizes).contains(2).allMatch(n -> n <= 2);
        assertThat(fake.mostLive).hasValue(2);
        assertThat(fake.live).isEmpty();
        assertThat(fake.deleted).hasSize(3);

        assertThat(completed).extracting(EpisodeCompleted::experimentId).containsOnly("exp-1");
        assertThat(completed)
                .as("each names its agent, whose localisation places its notes")
                .extracting(EpisodeCompleted::agent)
                .containsOnly(config(3, 2).agent());
        EpisodeCompleted first = completed.getFirst();
        List<StepRecord> trajectory = TrajectoryCodec.decode(artifacts.get(URI.create(first.artifactUri())));
        assertThat(trajectory).hasSize(11);
        assertThat(trajectory.getLast().decision()).isNull();
        assertThat(trajectory.getFirst().decision()).isNotNull();
        assertThat(trajectory.getLast().truth().routeCompletion()).isEqualTo(1.0);
        // each completion goes out under its episode's id: a work item driven twice announces one event
        assertThat(runner.events)
                .filteredOn(e -> e.payload() instanceof EpisodeCompleted)
                .extracting(EventEnvelope::eventId)
                .containsExactlyInAnyOrder(
                        Outcomes.completedEventId("exp-1-e0"),
                        Outcomes.completedEventId("exp-1-e1"),
                        Outcomes.completedEventId("exp-1-e2"));
    }

    @Test
    void eachCompletedEpisodeNamesTheModelVersionThatAnsweredIt() throws Exception {
        List<EpisodeCompleted> completed = completed(runner(2).drive("exp-v", config(2, 2)));

        assertThat(completed)
                .extracting(e -> e.summary().modelVersions())
                .containsOnly(List.of(FakeServices.FAKE_MODEL_VERSION));
    }

    @Test
    void aModelChangedMidEpisodeLeavesEveryVersionInTheOrderTheyAnswered() throws Exception {
        // a rolling deploy: calls 1-3 and 7- answer the old checkpoint, 4-6 the new one
        fake.modelVersion = call -> call >= 4 && call <= 6 ? "dreamer:200:bbbbbbbbbbbb" : "dreamer:100:aaaaaaaaaaaa";

        List<EpisodeCompleted> completed = completed(runner(1).drive("exp-d", config(1, 1)));

        assertThat(completed.getFirst().summary().modelVersions())
                .containsExactly("dreamer:100:aaaaaaaaaaaa", "dreamer:200:bbbbbbbbbbbb");
    }

    @Test
    void aServiceThatNamesNoModelVersionLeavesItUnrecorded() throws Exception {
        fake.modelVersion = call -> null;

        List<EpisodeCompleted> completed = completed(runner(1).drive("exp-o", config(1, 1)));

        assertThat(completed.getFirst().summary().modelVersions()).isNull();
    }

    @Test
    void aWorkItemDeliveredAgainIsDrivenAgainAndAnnouncedUnderTheSameEventId() throws Exception {
        runner(2).drive("exp-r", config(1, 1));
        EpisodeRequested again = EpisodeRequested.first("exp-r", 0, config(1, 1));

        runner.bus
                .publish(EventEnvelope.wrap(again.eventId(), again, java.time.Instant.now()))
                .join();
        runner.awaitEvents(
                "the second announcement", e -> runner.outcomes("exp-r").size() == 2);

        assertThat(runner.events)
                .filteredOn(e -> e.payload() instanceof EpisodeCompleted)
                .extracting(EventEnvelope::eventId)
                .containsOnly(Outcomes.completedEventId("exp-r-e0"))
                .hasSize(2);
        assertThat(completed(runner.outcomes("exp-r")))
                .extracting(EpisodeCompleted::summary)
                .as("the same seed drives the same episode")
                .allMatch(s ->
                        s.equals(completed(runner.outcomes("exp-r")).getFirst().summary()));
    }

    @Test
    void timesEveryTickItsPredictCallItsStepsAndEachRecording() throws Exception {
        List<EpisodeCompleted> completed = completed(runner(2).drive("exp-1", config(3, 2)));
        runner.awaitIdle();

        int ticks = fake.batchSizes.size();
        assertThat(ticks).isPositive();
        assertThat(meters.timer(ClosedLoopMeters.TICK).count()).isEqualTo(ticks);
        assertThat(meters.timer(ClosedLoopMeters.PREDICT_CALL).count()).isEqualTo(ticks);
        assertThat(meters.timer(ClosedLoopMeters.STEP_PHASE).count()).isEqualTo(ticks);
        // one step per episode in flight per tick: as many as instances predicted
        int steps = fake.batchSizes.stream().mapToInt(Integer::intValue).sum();
        assertThat(meters.timer(ClosedLoopMeters.STEP_CALL).count()).isEqualTo(steps);
        assertThat(meters.counter(ClosedLoopMeters.SIMULATION_STEPS).count()).isEqualTo(steps);
        assertThat(meters.timer(ClosedLoopMeters.RECORDING).count()).isEqualTo(completed.size());
        assertThat(meters.timer(ClosedLoopMeters.DRIVE).count()).isPositive();
        // a tick holds its predict call and its step phase
        assertThat(meters.timer(ClosedLoopMeters.TICK).totalTime(TimeUnit.NANOSECONDS))
                .isGreaterThanOrEqualTo(
                        meters.timer(ClosedLoopMeters.PREDICT_CALL).totalTime(TimeUnit.NANOSECONDS)
                                + meters.timer(ClosedLoopMeters.STEP_PHASE).totalTime(TimeUnit.NANOSECONDS));
    }

    @Test
    void asksForTheBirdEyeRasterWhenConfiguredAndKeepsItOutOfTrajectories() throws Exception {
        ExperimentConfig config = ExperimentConfigBuilder.experiment("t")
                .episodes(1)
                .maxSteps(100)
                .parallelEpisodes(1)
                .birdEyeSizePx(64)
                .build();

        EpisodeCompleted done = completed(runner(1).drive("exp-bev", config)).getFirst();

        assertThat(fake.birdEyeSizes.values()).containsExactly(64);
        assertThat(fake.predictedRasters).isNotEmpty().containsOnly(true);
        List<StepRecord> trajectory = TrajectoryCodec.decode(artifacts.get(URI.create(done.artifactUri())));
        assertThat(trajectory).hasSize(11).allMatch(r -> r.observation().birdEye() == null);
    }

    @Test
    void withoutABirdEyeSizeTheSimulationsRenderNoRaster() throws Exception {
        runner(1).drive("exp-plain", config(1, 1));

        assertThat(fake.birdEyeSizes.values()).containsExactly(0);
        assertThat(fake.predictedRasters).isNotEmpty().containsOnly(false);
    }

    @Test
    void anErrorStartingAnEpisodeHandsItsWorkItemBackAndTheLoopGoesOn() throws Exception {
        fake.createErrors.set(1);

        List<?> first = runner(2).drive("exp-err", config(2, 2));
        List<?> later = runner.drive("exp-after", config(1, 1));
        runner.awaitIdle();

        assertThat(completed(first))
                .as("the work item whose start threw is delivered again and driven")
                .extracting(c -> c.summary().index())
                .containsExactlyInAnyOrder(0, 1);
        assertThat(completed(later)).as("the loop still drives what comes next").hasSize(1);
        assertThat(fake.live).isEmpty();
    }

    @Test
    void anEpisodeWhoseStepsKeepFailingFailsAloneAfterItsAttemptsWithTheReason() throws Exception {
        fake.failingSeeds.add(config(3, 3).seedOf(1));

        List<?> outcomes = runner(3).drive("exp-2", config(3, 3));
        runner.awaitIdle();

        assertThat(completed(outcomes)).extracting(c -> c.summary().index()).containsExactlyInAnyOrder(0, 2);
        assertThat(failed(outcomes)).singleElement().satisfies(f -> {
            assertThat(f.episodeId()).isEqualTo("exp-2-e1");
            assertThat(f.attempts()).isEqualTo(2);
            assertThat(f.reason()).isEqualTo("simulator: simulator crashed");
            assertThat(f.runner()).isEqualTo("runner-1");
        });
        assertThat(runner.payloads(EpisodeRequested.class))
                .filteredOn(r -> r.index() == 1)
                .extracting(EpisodeRequested::attempt)
                .as("the failed attempt is requested again, on the bus")
                .containsExactly(1, 2);
        assertThat(fake.created).hasSize(4);
        assertThat(fake.live).isEmpty();
        assertThat(fake.deleted).containsExactlyInAnyOrderElementsOf(fake.created);
    }

    @Test
    void episodesWhosePredictFailedAfterItsRetriesAreDrivenAgainLaterFromTheirStart() throws Exception {
        // the client's 3 attempts all meet the outage: both episodes in flight fail their first attempt
        fake.predictOutages.set(3);
        runner(2);
        runner.request("exp-4", config(2, 2));
        runner.awaitEvents("both episodes driven", e -> runner.outcomes("exp-4").size() == 2);
        runner.awaitIdle();

        assertThat(failed(runner.outcomes("exp-4"))).isEmpty();
        assertThat(completed(runner.outcomes("exp-4")))
                .extracting(c -> c.summary().steps())
                .containsOnly(10);
        // the episodes in flight during the outage started again, with their own seeds
        assertThat(fake.createdSeeds.size()).isGreaterThan(2);
        assertThat(fake.createdSeeds).containsOnlyElementsOf(fake.createdSeeds.subList(0, 2));
        assertThat(fake.live).isEmpty();
    }

    @Test
    void whenThePolicyRejectsOneEpisodeOnlyThatEpisodeFails() throws Exception {
        fake.rejectPredictForSession = "exp-5-e0";

        List<?> outcomes = runner(2).drive("exp-5", config(2, 2));

        assertThat(completed(outcomes)).extracting(c -> c.summary().index()).containsExactly(1);
        assertThat(failed(outcomes))
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("answered 400"));
        assertThat(fake.live).isEmpty();
    }

    @Test
    void clampsAControlOutOfRangeBeforeSendingItAndCountsItInTheSummary() throws Exception {
        fake.rawControl = Map.of("steer", 0.0, "throttle", 3.0, "brake", 0.0);

        EpisodeSummary summary =
                completed(runner(1).drive("exp-6", config(1, 1))).getFirst().summary();

        // throttle 1 moves the fake's car 1 m a step: 10 steps to the destination, each clamped
        assertThat(summary.steps()).isEqualTo(10);
        assertThat(summary.controlClamps()).isEqualTo(10);
        assertThat(fake.live).isEmpty();
    }

    @Test
    void stopsTheEpisodesOfACancelledExperimentDestroysTheirSimulationsAndDropsItsWorkItems() throws Exception {
        runner(2);
        fake.onStep = (simulationId, step) -> {
            if (step == 3) {
                runner.cancel("exp-3");
                // time for the runner's own subscription to hear it before the next tick
                Thread.sleep(500);
            }
        };

        runner.request("exp-3", config(3, 2));
        runner.awaitEvents("two simulations created", e -> fake.created.size() >= 2);
        runner.awaitIdle();

        // the two episodes in flight finish the tick that saw the cancel (the first one's step 3 of
        // 10) and take no further step; the third work item is dropped unstarted
        assertThat(fake.created).hasSize(2);
        assertThat(fake.steps(fake.created.getFirst())).isEqualTo(3);
        assertThat(fake.created).allSatisfy(id -> assertThat(fake.steps(id)).isBetween(1, 3));
        assertThat(fake.deleted).containsExactlyInAnyOrderElementsOf(fake.created);
        assertThat(fake.live).isEmpty();
        assertThat(runner.outcomes("exp-3")).isEmpty();
    }
}

package dev.drivenotes.orchestrator.episode;

import static dev.drivenotes.orchestrator.episode.FakeServices.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.json.TrajectoryCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeDriverTest {

    @TempDir
    Path data;

    private FakeServices fake;
    private LocalFolderArtifactStore artifacts;
    private EpisodeDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeServices();
        artifacts = new LocalFolderArtifactStore(data);
        driver = fake.driver(data, artifacts);
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void drivesEpisodesInBatchesAndStoresTheirTrajectories() throws Exception {
        List<EpisodeCompleted> completed = new CopyOnWriteArrayList<>();

        EpisodeDriver.Outcome outcome =
                driver.drive("exp-1", config(3, 2), List.of(0, 1, 2), completed::add, () -> false);

        assertThat(outcome.stopped()).isFalse();
        assertThat(outcome.failures()).isEmpty();
        List<EpisodeSummary> finished =
                completed.stream().map(EpisodeCompleted::summary).toList();
        assertThat(finished).extracting(EpisodeSummary::termination).containsOnly(Termination.REACHED_DESTINATION);
        assertThat(finished).extracting(EpisodeSummary::steps).containsOnly(10);
        // two episodes share each predict call while both are in flight
        assertThat(fake.batchSizes).contains(2).allMatch(n -> n <= 2);
        assertThat(fake.live).isEmpty();
        assertThat(fake.deleted).hasSize(3);

        assertThat(completed).extracting(EpisodeCompleted::experimentId).containsOnly("exp-1");
        EpisodeCompleted first = completed.getFirst();
        List<StepRecord> trajectory = TrajectoryCodec.decode(artifacts.get(URI.create(first.artifactUri())));
        assertThat(trajectory).hasSize(11);
        assertThat(trajectory.getLast().decision()).isNull();
        assertThat(trajectory.getFirst().decision()).isNotNull();
        assertThat(trajectory.getLast().truth().routeCompletion()).isEqualTo(1.0);
    }

    @Test
    void timesEveryTickItsPredictCallItsStepsAndEachRecording() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EpisodeDriver timed = fake.driver(data, artifacts, meters);
        List<EpisodeCompleted> completed = new CopyOnWriteArrayList<>();

        timed.drive("exp-1", config(3, 2), List.of(0, 1, 2), completed::add, () -> false);

        int ticks = fake.batchSizes.size();
        assertThat(ticks).isPositive();
        assertThat(meters.timer(ClosedLoopMeters.TICK).count()).isEqualTo(ticks);
        assertThat(meters.timer(ClosedLoopMeters.PREDICT_CALL).count()).isEqualTo(ticks);
        assertThat(meters.timer(ClosedLoopMeters.STEP_PHASE).count()).isEqualTo(ticks);
        // one step call per episode in flight per tick: as many as instances predicted
        int steps = fake.batchSizes.stream().mapToInt(Integer::intValue).sum();
        assertThat(meters.timer(ClosedLoopMeters.STEP_CALL).count()).isEqualTo(steps);
        assertThat(meters.timer(ClosedLoopMeters.RECORDING).count()).isEqualTo(completed.size());
        assertThat(meters.timer(ClosedLoopMeters.DRIVE).count()).isEqualTo(1);
        // a tick holds its predict call and its step phase
        assertThat(meters.timer(ClosedLoopMeters.TICK).totalTime(TimeUnit.NANOSECONDS))
                .isGreaterThanOrEqualTo(
                        meters.timer(ClosedLoopMeters.PREDICT_CALL).totalTime(TimeUnit.NANOSECONDS)
                                + meters.timer(ClosedLoopMeters.STEP_PHASE).totalTime(TimeUnit.NANOSECONDS));
    }

    @Test
    void asksForTheBirdEyeRasterWhenConfiguredAndKeepsItOutOfTrajectories() throws Exception {
        ExperimentConfig config = new ExperimentConfig(
                "t", null, null, 1, null, null, null, 100, null, null, null, null, null, 1, 64, null, null, null);

        List<EpisodeCompleted> completed = new CopyOnWriteArrayList<>();
        driver.drive("exp-bev", config, List.of(0), completed::add, () -> false);

        assertThat(fake.birdEyeSizes.values()).containsExactly(64);
        assertThat(fake.predictedRasters).isNotEmpty().containsOnly(true);
        EpisodeCompleted done = completed.getFirst();
        List<StepRecord> trajectory = TrajectoryCodec.decode(artifacts.get(URI.create(done.artifactUri())));
        assertThat(trajectory).hasSize(11).allMatch(r -> r.observation().birdEye() == null);
    }

    @Test
    void withoutABirdEyeSizeTheSimulationsRenderNoRaster() {
        driver.drive("exp-plain", config(1, 1), List.of(0), s -> {}, () -> false);

        assertThat(fake.birdEyeSizes.values()).containsExactly(0);
        assertThat(fake.predictedRasters).isNotEmpty().containsOnly(false);
    }

    @Test
    void anEpisodeWhoseStepsKeepFailingFailsAloneAfterItsAttemptsWithTheReason() {
        fake.failingSeeds.add(config(3, 3).seedOf(1));
        List<EpisodeCompleted> completed = new CopyOnWriteArrayList<>();

        EpisodeDriver.Outcome outcome =
                driver.drive("exp-2", config(3, 3), List.of(0, 1, 2), completed::add, () -> false);

        assertThat(completed).extracting(c -> c.summary().index()).containsExactlyInAnyOrder(0, 2);
        assertThat(outcome.failures()).singleElement().satisfies(f -> {
            assertThat(f.episodeId()).isEqualTo("exp-2-e1");
            assertThat(f.attempts()).isEqualTo(2);
            assertThat(f.reason()).isEqualTo("carla-runner answered 500: simulator crashed");
        });
        assertThat(fake.created).hasSize(4);
        assertThat(fake.live).isEmpty();
        assertThat(fake.deleted).containsExactlyInAnyOrderElementsOf(fake.created);
    }

    @Test
    void episodesWhosePredictFailedAfterItsRetriesAreDrivenAgainLaterFromTheirStart() {
        // the client's 3 attempts all meet the outage: both episodes in flight fail their first attempt
        fake.predictOutages.set(3);
        List<EpisodeCompleted> completed = new CopyOnWriteArrayList<>();

        EpisodeDriver.Outcome outcome = driver.drive("exp-4", config(2, 2), List.of(0, 1), completed::add, () -> false);

        assertThat(outcome.failures()).isEmpty();
        assertThat(completed).extracting(c -> c.summary().steps()).containsOnly(10);
        assertThat(fake.createdSeeds).hasSize(4);
        assertThat(fake.createdSeeds.subList(2, 4))
                .containsExactlyInAnyOrderElementsOf(fake.createdSeeds.subList(0, 2));
        assertThat(fake.live).isEmpty();
    }

    @Test
    void whenThePolicyRejectsOneEpisodeOnlyThatEpisodeFails() {
        fake.rejectPredictForSession = "exp-5-e0";
        List<EpisodeCompleted> completed = new CopyOnWriteArrayList<>();

        EpisodeDriver.Outcome outcome = driver.drive("exp-5", config(2, 2), List.of(0, 1), completed::add, () -> false);

        assertThat(completed).extracting(c -> c.summary().index()).containsExactly(1);
        assertThat(outcome.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("answered 400"));
        assertThat(fake.live).isEmpty();
    }

    @Test
    void clampsAControlOutOfRangeBeforeSendingItAndCountsItInTheSummary() {
        fake.rawControl = Map.of("steer", 0.0, "throttle", 3.0, "brake", 0.0);
        List<EpisodeCompleted> completed = new CopyOnWriteArrayList<>();

        driver.drive("exp-6", config(1, 1), List.of(0), completed::add, () -> false);

        EpisodeSummary summary = completed.getFirst().summary();
        // throttle 1 moves the fake's car 1 m a step: 10 steps to the destination, each clamped
        assertThat(summary.steps()).isEqualTo(10);
        assertThat(summary.controlClamps()).isEqualTo(10);
        assertThat(fake.live).isEmpty();
    }

    @Test
    void stopsAfterTheTickInFlightAndDeletesEverySimulationWhenCancelledMidEpisode() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        fake.onStep = (simulationId, step) -> {
            if (step == 3) {
                cancelled.set(true);
            }
        };
        List<EpisodeCompleted> finished = new CopyOnWriteArrayList<>();

        EpisodeDriver.Outcome outcome =
                driver.drive("exp-3", config(3, 2), List.of(0, 1, 2), finished::add, cancelled::get);

        assertThat(outcome.stopped()).isTrue();
        // the two episodes in flight finish the tick that saw the cancel (step 3 of 10), take no
        // further step, and the third episode never starts
        assertThat(fake.created).hasSize(2);
        assertThat(fake.created).allSatisfy(id -> assertThat(fake.steps(id)).isEqualTo(3));
        assertThat(fake.deleted).containsExactlyInAnyOrderElementsOf(fake.created);
        assertThat(fake.live).isEmpty();
        assertThat(finished).isEmpty();
    }
}

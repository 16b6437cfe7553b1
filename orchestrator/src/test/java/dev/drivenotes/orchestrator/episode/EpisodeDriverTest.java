package dev.drivenotes.orchestrator.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.orchestrator.clients.PolicyClient;
import dev.drivenotes.orchestrator.clients.RemoteServiceException;
import dev.drivenotes.orchestrator.clients.SimulatorClient;
import dev.drivenotes.orchestrator.clients.TestRemoteCalls;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.json.TrajectoryCodec;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;

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
        PlatformProperties props = new PlatformProperties(
                data, new PlatformProperties.Services(fake.uri(), fake.uri(), fake.uri(), fake.uri()));
        driver = new EpisodeDriver(
                new SimulatorClient(RestClient.builder(), props, TestRemoteCalls.fast()),
                new PolicyClient(RestClient.builder(), props, TestRemoteCalls.fast()),
                artifacts);
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private static ExperimentConfig config(int episodes, int parallel) {
        return new ExperimentConfig(
                "t", null, null, episodes, null, null, null, 100, null, null, null, null, parallel, null);
    }

    @Test
    void drivesEpisodesInBatchesAndStoresTheirTrajectories() throws Exception {
        List<EpisodeCompleted> completed = new CopyOnWriteArrayList<>();

        boolean done = driver.drive("exp-1", config(3, 2), List.of(0, 1, 2), completed::add, () -> false);

        assertThat(done).isTrue();
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
    void asksForTheBirdEyeRasterWhenConfiguredAndKeepsItOutOfTrajectories() throws Exception {
        ExperimentConfig config =
                new ExperimentConfig("t", null, null, 1, null, null, null, 100, null, null, null, null, 1, 64);

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
    void deletesEverySimulationWhenAStepFails() {
        fake.failStepAt = 4;

        assertThatThrownBy(() -> driver.drive("exp-2", config(2, 2), List.of(0, 1), s -> {}, () -> false))
                .isInstanceOf(RemoteServiceException.class)
                .hasMessageContaining("simulator crashed");

        assertThat(fake.live).isEmpty();
        assertThat(fake.deleted).hasSize(2);
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

        boolean done = driver.drive("exp-3", config(3, 2), List.of(0, 1, 2), finished::add, cancelled::get);

        assertThat(done).isFalse();
        // the two episodes in flight finish the tick that saw the cancel (step 3 of 10), take no
        // further step, and the third episode never starts
        assertThat(fake.created).hasSize(2);
        assertThat(fake.created).allSatisfy(id -> assertThat(fake.steps(id)).isEqualTo(3));
        assertThat(fake.deleted).containsExactlyInAnyOrderElementsOf(fake.created);
        assertThat(fake.live).isEmpty();
        assertThat(finished).isEmpty();
    }
}

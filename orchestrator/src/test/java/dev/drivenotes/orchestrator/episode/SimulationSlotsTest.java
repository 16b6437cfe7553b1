package dev.drivenotes.orchestrator.episode;

import static dev.drivenotes.orchestrator.episode.FakeServices.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The episodes in flight never outnumber the simulations carla-runner holds (one CARLA world: one). */
class SimulationSlotsTest {

    @TempDir
    Path data;

    private FakeServices fake;
    private EpisodeDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeServices();
        driver = fake.driver(data, new LocalFolderArtifactStore(data));
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void parallelEpisodesAboveTheCapacityRunOneAfterAnotherWithoutDeadlock() {
        fake.capacity = 1;
        List<EpisodeCompleted> finished = new CopyOnWriteArrayList<>();

        EpisodeDriver.Outcome done = driver.drive("exp-1", config(3, 4), List.of(0, 1, 2), finished::add, () -> false);

        assertThat(done).isEqualTo(new EpisodeDriver.Outcome(false, List.of()));
        assertThat(finished).hasSize(3);
        assertThat(fake.mostLive.get()).isEqualTo(1);
        assertThat(fake.live).isEmpty();
    }

    @Test
    void twoExperimentsShareOneWorldAndBothFinish() throws Exception {
        fake.capacity = 1;

        // threads of their own, as the orchestrator drives each experiment on its own thread
        try (ExecutorService experiments = Executors.newFixedThreadPool(2)) {
            Future<EpisodeDriver.Outcome> a =
                    experiments.submit(() -> driver.drive("exp-a", config(2, 2), List.of(0, 1), s -> {}, () -> false));
            Future<EpisodeDriver.Outcome> b =
                    experiments.submit(() -> driver.drive("exp-b", config(2, 2), List.of(0, 1), s -> {}, () -> false));

            assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(new EpisodeDriver.Outcome(false, List.of()));
            assertThat(b.get(60, TimeUnit.SECONDS)).isEqualTo(new EpisodeDriver.Outcome(false, List.of()));
        }
        assertThat(fake.mostLive.get()).isEqualTo(1);
        assertThat(fake.deleted).hasSize(4);
    }

    @Test
    void aCarlaRunnerThatDoesNotTellItsCapacityRunsAsManyAsTheExperimentAsks() {
        fake.capacity = 0;

        driver.drive("exp-c", config(3, 3), List.of(0, 1, 2), s -> {}, () -> false);

        assertThat(fake.mostLive.get()).isEqualTo(3);
    }

    @Test
    void anExperimentWaitingForTheWorldStopsWhenCancelled() {
        SimulationSlots slots = new SimulationSlots(() -> 1);
        assertThat(slots.take(true, () -> false)).isTrue();

        long started = System.nanoTime();
        assertThat(slots.take(true, () -> System.nanoTime() - started > 300_000_000L))
                .isFalse();
        assertThat(slots.take(false, () -> false))
                .as("a run with episodes in flight never waits")
                .isFalse();
        slots.give();
        assertThat(slots.take(false, () -> false)).isTrue();
    }
}

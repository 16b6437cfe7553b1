package dev.drivenotes.orchestrator.state.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.testing.EpisodeSummaryBuilder;
import dev.drivenotes.orchestrator.experiment.Experiment;
import dev.drivenotes.orchestrator.experiment.ExperimentStore;
import dev.drivenotes.orchestrator.schedule.ScheduleRuns;
import dev.drivenotes.orchestrator.schedule.ScheduleTriggerScenarios;
import dev.drivenotes.platform.gcp.emulator.EmulatorProcess;
import dev.drivenotes.platform.gcp.testing.FirestoreEmulatorExtension;
import dev.drivenotes.platform.web.NotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Firestore stores against Google's Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreStoresTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static Firestore firestore;

    @BeforeAll
    static void connect(EmulatorProcess emulator) {
        firestore = FirestoreOptions.newBuilder()
                .setProjectId("drivenotes-test")
                .setEmulatorHost(emulator.hostPort())
                .build()
                .getService();
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (firestore != null) {
            firestore.close();
        }
    }

    private static EpisodeCompleted episode(String experimentId, int index) {
        EpisodeSummary summary = EpisodeSummaryBuilder.episode("e-" + index, index)
                .seed(index)
                .steps(50)
                .meanSpeedMps(5)
                .route("A", "B", 100)
                .build();
        return new EpisodeCompleted(experimentId, "default-town", "file:///trajectories/e-" + index, summary, null);
    }

    private static String newId() {
        return "exp-" + UUID.randomUUID();
    }

    @Test
    void storesFindsAndTransitionsAnExperiment() {
        FirestoreExperimentStore store = new FirestoreExperimentStore(firestore);
        String id = newId();
        store.create(Experiment.accepted(id, ExperimentConfig.of("daily", 2), T0));
        store.update(id, e -> e.running(T0.plusSeconds(1)));
        Experiment after = store.update(id, e -> e.withEpisode(episode(id, 0), T0.plusSeconds(2)));

        assertThat(store.find(id)).contains(after);
        assertThat(after.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(store.all()).extracting(Experiment::id).contains(id);
        assertThat(store.create(Experiment.accepted(id, ExperimentConfig.of("other", 1), T0)))
                .as("an id is created once")
                .isFalse();
        assertThat(after.outbox())
                .extracting(EventEnvelope::type)
                .as("the work items wait in the outbox; a recorded episode adds no event")
                .containsExactly("ExperimentStarted", "EpisodeRequested", "EpisodeRequested");
        assertThat(after.episodeRecorded(0)).isTrue();
        assertThatThrownBy(() -> store.update(newId(), e -> e)).isInstanceOf(NotFoundException.class);
        assertThat(store.find(newId())).isEmpty();
    }

    @Test
    void concurrentUpdatesConflictAndTheLoserIsRetriedOnFreshState() throws Exception {
        FirestoreExperimentStore store = new FirestoreExperimentStore(firestore);
        String id = newId();
        store.create(Experiment.accepted(id, ExperimentConfig.of("daily", 2), T0));
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger transitions = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Experiment> first = pool.submit(() -> store.update(id, e -> {
                meet(bothRead, transitions);
                return e.withEpisode(episode(id, 0), T0.plusSeconds(1));
            }));
            Future<Experiment> second = pool.submit(() -> store.update(id, e -> {
                meet(bothRead, transitions);
                return e.withEpisode(episode(id, 1), T0.plusSeconds(2));
            }));
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        Experiment stored = store.find(id).orElseThrow();
        assertThat(stored.episodes()).extracting(EpisodeSummary::index).containsExactly(0, 1);
        assertThat(transitions.get()).as("one of the two transitions ran again").isGreaterThanOrEqualTo(3);
        // two instances recorded the last two episodes at once: the experiment completed once
        assertThat(stored.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(stored.outbox())
                .filteredOn(e -> e.type().equals("ExperimentCompleted"))
                .singleElement();
    }

    /** Both transactions read before either commits (the first time round), so their writes conflict. */
    private static void meet(CyclicBarrier barrier, AtomicInteger transitions) {
        if (transitions.incrementAndGet() <= 2) {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the two transactions did not overlap", e);
            }
        }
    }

    @Test
    void onlyOneOfTwoTriggersClaimsTheDailySlot() {
        FirestoreScheduleRuns runs = new FirestoreScheduleRuns(firestore);
        String name = "daily-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.of(2026, 11, 24);

        ScheduleRuns.Claim first = runs.claim(name, day, T0, Duration.ofMinutes(10));
        runs.started(first.run(), "exp-1");
        ScheduleRuns.Claim retry = runs.claim(name, day, T0.plusSeconds(30), Duration.ofMinutes(10));

        assertThat(first.won()).isTrue();
        assertThat(retry.won()).isFalse();
        assertThat(retry.run().experimentId()).isEqualTo("exp-1");
        assertThat(runs.claim(name, day.plusDays(1), T0, Duration.ofMinutes(10)).won())
                .isTrue();
    }

    /** {@link ScheduleTriggerScenarios} on Firestore: claims and experiments in transactions. */
    @Nested
    class ScheduleTriggers extends ScheduleTriggerScenarios {

        @Override
        protected ExperimentStore experimentStore(Path data) {
            return new FirestoreExperimentStore(firestore);
        }

        @Override
        protected ScheduleRuns scheduleRuns(Path data) {
            return new FirestoreScheduleRuns(firestore);
        }
    }
}

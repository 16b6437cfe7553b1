package dev.drivenotes.orchestrator.experiment;

import static dev.drivenotes.model.testing.EpisodeSummaryBuilder.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.event.DomainEvent;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCancelled;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ExperimentFailed;
import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.sim.RouteSpec;
import dev.drivenotes.orchestrator.episode.EpisodeDriver;
import dev.drivenotes.orchestrator.episode.FakeServices;
import dev.drivenotes.platform.web.ConflictException;
import dev.drivenotes.platform.web.DependencyUnavailableException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment lifecycle without Spring: the real store, driver and clients against {@link
 * FakeServices} on loopback, with a publisher that records every event.
 */
class ExperimentServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private FakeServices fake;
    private final RecordingPublisher events = new RecordingPublisher();
    private ExperimentStore store;
    private ExperimentService service;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeServices();
        store = new LocalExperimentStore(stateFolder());
        service = serviceOn(store);
    }

    @AfterEach
    void stop() throws Exception {
        service.destroy();
        fake.close();
    }

    private Path stateFolder() {
        return data.resolve("orchestrator/experiments");
    }

    private ExperimentService serviceOn(ExperimentStore experiments) {
        return serviceOn(experiments, fake.uri());
    }

    private ExperimentService serviceOn(ExperimentStore experiments, URI services) {
        return LocalExperimentServices.on(experiments, services, data, events);
    }

    private static ExperimentConfig config(int episodes, int parallel) {
        return new ExperimentConfig(
                "svc",
                null,
                "autopilot",
                episodes,
                100L,
                null,
                null,
                100,
                null,
                null,
                null,
                null,
                null,
                parallel,
                null,
                null,
                null,
                null);
    }

    /** A finished episode as a previous run of the process recorded it (62 steps: the fake never takes 62). */
    private static EpisodeCompleted recordedBefore(String experimentId, int index) {
        EpisodeSummary summary = episode(EpisodeDriver.episodeId(experimentId, index), index)
                .seed(100 + index)
                .steps(62)
                .meanSpeedMps(4.2)
                .route("Start", "Goal", 10)
                .build();
        return new EpisodeCompleted(experimentId, "default-town", "file:///trajectories/" + index, summary, null);
    }

    /** The outbox as a previous run left it once the bus had accepted everything. */
    private static Experiment allPublished(Experiment e) {
        return e.published(e.outbox().stream().map(EventEnvelope::eventId).toList());
    }

    private Experiment stored(String id) {
        return store.find(id).orElseThrow();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void resumesARunningExperimentAfterRestartWithoutRerunningItsFinishedEpisode() throws Exception {
        store.create(Experiment.accepted("exp-r", config(3, 1), T0));
        store.update("exp-r", e -> allPublished(e.running(T0).withEpisode(recordedBefore("exp-r", 0), T0)));
        store.create(Experiment.accepted("exp-done", config(1, 1), T0));
        store.update(
                "exp-done",
                e -> allPublished(e.running(T0)
                        .withEpisode(recordedBefore("exp-done", 0), T0)
                        .completed(List.of(), T0)));
        service.destroy();
        store = new LocalExperimentStore(stateFolder());
        service = serviceOn(store);

        int resumed = service.resumeUnfinished();

        assertThat(resumed).isEqualTo(1);
        // the bus sees ExperimentCompleted before the outbox entry is cleared: wait for both
        await(
                "exp-r completed, announced and its outbox drained",
                () -> !events.payloads(ExperimentCompleted.class).isEmpty()
                        && stored("exp-r").outbox().isEmpty());
        Experiment done = stored("exp-r");
        assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(done.episodes()).extracting(EpisodeSummary::index).containsExactly(0, 1, 2);
        assertThat(done.episodes().getFirst())
                .isEqualTo(recordedBefore("exp-r", 0).summary());
        // the relay empties the outbox just after the bus accepted the event
        await("every event accepted by the bus", () -> stored("exp-r").outbox().isEmpty());
        assertThat(fake.createdSeeds).as("only episodes 1 and 2 are driven").containsExactly(101L, 102L);
        assertThat(fake.live).isEmpty();
        assertThat(events.payloads(EpisodeCompleted.class))
                .extracting(e -> e.summary().episodeId())
                .containsExactly("exp-r-e1", "exp-r-e2");
        assertThat(events.payloads(ExperimentCompleted.class)).singleElement().satisfies(c -> {
            assertThat(c.experimentId()).isEqualTo("exp-r");
            assertThat(c.episodes()).isEqualTo(done.episodes());
        });
        assertThat(stored("exp-done").updatedAt()).isEqualTo(T0);
    }

    @Test
    void cancelMidEpisodeStopsTheRunDeletesItsSimulationsAndKeepsTheFinishedEpisodes() throws Exception {
        CountDownLatch secondEpisodeInFlight = new CountDownLatch(1);
        CountDownLatch cancelStored = new CountDownLatch(1);
        fake.onStep = (simulationId, step) -> {
            if (fake.created.size() == 2 && step == 3) {
                secondEpisodeInFlight.countDown();
                cancelStored.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        };
        Experiment submitted = service.submit(config(3, 1));
        assertThat(secondEpisodeInFlight.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isTrue();

        Experiment cancelled = service.cancel(submitted.id());
        cancelStored.countDown();

        assertThat(cancelled.status()).isEqualTo(ExperimentStatus.CANCELLED);
        await("every simulation deleted", () -> fake.deleted.size() == 2);
        service.destroy();
        assertThat(fake.created).as("the third episode never starts").hasSize(2);
        assertThat(fake.steps(fake.created.get(1)))
                .as("no step after the cancel")
                .isEqualTo(3);
        assertThat(fake.deleted).containsExactlyInAnyOrderElementsOf(fake.created);
        assertThat(fake.live).isEmpty();
        Experiment after = stored(submitted.id());
        assertThat(after.status()).isEqualTo(ExperimentStatus.CANCELLED);
        assertThat(after.failureReason()).isEqualTo("cancelled by operator");
        assertThat(after.episodes()).extracting(EpisodeSummary::index).containsExactly(0);
        assertThat(after.view().episodesCompleted()).isEqualTo(1);
        assertThat(events.payloads(EpisodeCompleted.class))
                .extracting(e -> e.summary().index())
                .containsExactly(0);
        assertThat(events.payloads(ExperimentCompleted.class)).isEmpty();
        assertThat(events.payloads(ExperimentFailed.class)).isEmpty();
        assertThat(events.payloads(ExperimentCancelled.class))
                .containsExactly(new ExperimentCancelled(submitted.id(), "cancelled by operator"));
    }

    @Test
    void refusesToCancelAFinishedExperimentWithAConflict() {
        store.create(Experiment.accepted("exp-c", config(1, 1), T0));
        store.update("exp-c", e -> e.running(T0).completed(List.of(), T0));

        assertThatThrownBy(() -> service.cancel("exp-c"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already COMPLETED");
        assertThat(stored("exp-c").status()).isEqualTo(ExperimentStatus.COMPLETED);
    }

    @Test
    void anEpisodeFailingEveryAttemptFailsAloneAndTheExperimentCompletesWithFailuresNamingIt() {
        fake.failingSeeds.add(101L);
        store.create(Experiment.accepted("exp-f", config(2, 2), T0));

        service.run("exp-f");

        Experiment done = stored("exp-f");
        assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED_WITH_FAILURES);
        assertThat(done.episodes()).extracting(EpisodeSummary::index).containsExactly(0);
        assertThat(done.failedEpisodes())
                .singleElement()
                .isEqualTo(new EpisodeFailure("exp-f-e1", 1, 101L, 2, "carla-runner answered 500: simulator crashed"));
        assertThat(done.failureReason())
                .isEqualTo(
                        "1 of 2 episodes failed: exp-f-e1 (2 attempts): carla-runner answered 500: simulator crashed");
        assertThat(events.payloads(ExperimentCompleted.class)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ExperimentStatus.COMPLETED_WITH_FAILURES);
            assertThat(c.episodes()).hasSize(1);
            assertThat(c.failedEpisodes()).isEqualTo(done.failedEpisodes());
        });
        assertThat(events.payloads(ExperimentFailed.class)).isEmpty();
        assertThat(fake.created).hasSize(3);
        assertThat(fake.live).isEmpty();
    }

    @Test
    void aRejectedPredictCallFailsTheEpisodeNamingThePolicysProblem() {
        fake.rejectPredictWith = "instances[0].observation.birdEye: the checkpoint needs a 64 px raster";
        store.create(Experiment.accepted("exp-p", config(1, 1), T0));

        service.run("exp-p");

        Experiment done = stored("exp-p");
        assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED_WITH_FAILURES);
        assertThat(done.failedEpisodes())
                .singleElement()
                .extracting(EpisodeFailure::reason)
                .isEqualTo("dreamer-service answered 400: instances[0].observation.birdEye:"
                        + " the checkpoint needs a 64 px raster");
        assertThat(fake.live).isEmpty();
    }

    @Test
    void waitsUntilTheBusAcceptsExperimentCompleted() {
        fake.failStepAt = 2;
        Executor inASecond = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);
        events.answer = e -> e.payload() instanceof ExperimentCompleted
                ? CompletableFuture.runAsync(() -> {}, inASecond)
                : CompletableFuture.completedFuture(null);
        store.create(Experiment.accepted("exp-w", config(1, 1), T0));

        service.run("exp-w");
        boolean acceptedWhenRunReturned = events.answered.getLast().isDone();

        assertThat(events.published.getLast().payload()).isInstanceOf(ExperimentCompleted.class);
        assertThat(acceptedWhenRunReturned).isTrue();
        assertThat(stored("exp-w").failureReason()).endsWith("carla-runner answered 500: simulator crashed");
    }

    @Test
    void keepsAnEventTheBusRefusedInTheOutboxAndPublishesItOnTheNextStart() throws Exception {
        fake.failStepAt = 2;
        events.answer = e -> e.payload() instanceof ExperimentCompleted
                ? CompletableFuture.failedFuture(new IllegalStateException("bus closed"))
                : CompletableFuture.completedFuture(null);
        store.create(Experiment.accepted("exp-u", config(1, 1), T0));

        service.run("exp-u");

        Experiment done = stored("exp-u");
        assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED_WITH_FAILURES);
        assertThat(done.outbox()).extracting(EventEnvelope::type).containsExactly("ExperimentCompleted");
        EventEnvelope refused = done.outbox().getFirst();

        events.answer = e -> CompletableFuture.completedFuture(null);
        restart();
        service.resumeUnfinished();

        assertThat(events.published)
                .filteredOn(e -> e.eventId().equals(refused.eventId()))
                .hasSize(2);
        assertThat(stored("exp-u").outbox()).isEmpty();
    }

    @Test
    void aCrashAfterCompletedWasStoredStillAnnouncesExperimentCompletedOnceOnRestart() throws Exception {
        store.create(Experiment.accepted("exp-k", config(2, 1), T0));
        store.update(
                "exp-k",
                e -> allPublished(e.running(T0).withEpisode(recordedBefore("exp-k", 0), T0))
                        // the process dies after this write, before the relay published anything
                        .withEpisode(recordedBefore("exp-k", 1), T0)
                        .completed(List.of(), T0));
        restart();

        int resumed = service.resumeUnfinished();

        assertThat(resumed).as("a COMPLETED experiment is not driven again").isZero();
        assertThat(fake.created).isEmpty();
        assertThat(events.published)
                .extracting(EventEnvelope::type)
                .containsExactly("EpisodeCompleted", "ExperimentCompleted");
        assertThat(events.payloads(EpisodeCompleted.class))
                .extracting(e -> e.summary().index())
                .containsExactly(1);
        assertThat(events.payloads(ExperimentCompleted.class).getFirst().episodes())
                .hasSize(2);
        assertThat(stored("exp-k").outbox()).isEmpty();

        restart();
        service.resumeUnfinished();
        assertThat(events.published)
                .as("published once: nothing left to republish")
                .hasSize(2);
    }

    @Test
    void anEpisodeIsRecordedAndAnnouncedInOneWriteSoARestartNeitherLosesNorRedrivesIt() throws Exception {
        store.create(Experiment.accepted("exp-e", config(2, 1), T0));
        // the previous process stored episode 0 with its event, then died before publishing it
        store.update("exp-e", e -> allPublished(e.running(T0)).withEpisode(recordedBefore("exp-e", 0), T0));
        restart();

        service.resumeUnfinished();
        await("exp-e completed", () -> stored("exp-e").status() == ExperimentStatus.COMPLETED);
        await("its outbox published", () -> stored("exp-e").outbox().isEmpty());

        assertThat(fake.createdSeeds).as("episode 0 is not driven again").containsExactly(101L);
        assertThat(events.payloads(EpisodeCompleted.class))
                .extracting(e -> e.summary().index())
                .containsExactly(0, 1);
        assertThat(events.payloads(ExperimentCompleted.class)).singleElement();
    }

    private void restart() throws Exception {
        service.destroy();
        store = new LocalExperimentStore(stateFolder());
        service = serviceOn(store);
    }

    @Test
    void rejectsAMapThatCarlaRunnerCannotLoadNamingTheField() {
        ExperimentConfig config = new ExperimentConfig(
                "bad-map",
                FakeServices.UNKNOWN_MAP,
                null,
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThatThrownBy(() -> service.submit(config))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("map"))
                .hasMessageContaining("no map file");
        assertThat(store.all()).isEmpty();
        assertThat(events.published).isEmpty();
    }

    private static ExperimentConfig withRoutes(RouteSpec... routes) {
        return new ExperimentConfig(
                "routes",
                null,
                "autopilot",
                2,
                null,
                null,
                List.of(routes),
                100,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void rejectsAnUnknownPlaceAtSubmissionNamingTheRouteEnd() {
        ExperimentConfig config = withRoutes(new RouteSpec("Start", "Goal"), new RouteSpec("Atlantis", "Goal"));

        assertThatThrownBy(() -> service.submit(config))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("routes[1].from"))
                .hasMessageContaining("unknown place 'Atlantis'");
        assertThat(store.all()).isEmpty();
        assertThat(events.published).isEmpty();
    }

    @Test
    void rejectsAnUnreachableDestinationAtSubmission() {
        ExperimentConfig config = withRoutes(new RouteSpec("Start", FakeServices.UNREACHABLE));

        assertThatThrownBy(() -> service.submit(config))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("routes[0].to"));
        assertThat(store.all()).isEmpty();
    }

    @Test
    void acceptsNothingUncheckedWhileCarlaRunnerIsDown() throws Exception {
        ExperimentService unchecked = serviceOn(store, URI.create("http://127.0.0.1:9"));
        try {
            assertThatThrownBy(() -> unchecked.submit(withRoutes(new RouteSpec("Start", "Goal"))))
                    .isInstanceOfSatisfying(
                            DependencyUnavailableException.class,
                            e -> assertThat(e.service()).isEqualTo("carla-runner"));
            assertThat(store.all()).isEmpty();
        } finally {
            unchecked.destroy();
        }
    }

    /** Records every event; {@link #answer} decides the future each publish returns. */
    private static final class RecordingPublisher implements EventPublisher {
        final List<EventEnvelope> published = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> answered = new CopyOnWriteArrayList<>();
        volatile Function<EventEnvelope, CompletableFuture<Void>> answer = e -> CompletableFuture.completedFuture(null);

        @Override
        public CompletableFuture<Void> publish(EventEnvelope event) {
            published.add(event);
            CompletableFuture<Void> future = answer.apply(event);
            answered.add(future);
            return future;
        }

        <T extends DomainEvent> List<T> payloads(Class<T> type) {
            return published.stream()
                    .map(EventEnvelope::payload)
                    .filter(type::isInstance)
                    .map(type::cast)
                    .toList();
        }
    }
}

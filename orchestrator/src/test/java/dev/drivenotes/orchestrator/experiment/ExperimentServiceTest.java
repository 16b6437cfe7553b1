package dev.drivenotes.orchestrator.experiment;

import static dev.drivenotes.model.testing.EpisodeSummaryBuilder.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.event.DomainEvent;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EpisodeFailed;
import dev.drivenotes.model.event.EpisodeRequested;
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
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
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
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment lifecycle without Spring, as the coordinator of the runners: the real store and
 * carla-runner client against {@link FakeServices} on loopback, a publisher that records every event,
 * and the runners' announcements handed in as the event subscription would.
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
        return ExperimentConfigBuilder.experiment("svc")
                .agent("autopilot")
                .episodes(episodes)
                .seed(100L)
                .maxSteps(100)
                .parallelEpisodes(parallel)
                .build();
    }

    /** A finished episode as a previous run of the process recorded it (62 steps: the fake never takes 62). */
    private static EpisodeCompleted recordedBefore(String experimentId, int index) {
        EpisodeSummary summary = episode(EpisodeRequested.episodeId(experimentId, index), index)
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

    /** What a runner announces when it finished episode {@code index}. */
    private static EpisodeCompleted driven(String experimentId, int index) {
        return recordedBefore(experimentId, index);
    }

    @Test
    void submitAnnouncesTheExperimentAndOneWorkItemPerEpisodeAndDrivesNothingItself() {
        Experiment submitted = service.submit(config(3, 1));

        assertThat(stored(submitted.id()).status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(stored(submitted.id()).outbox()).isEmpty();
        assertThat(events.published)
                .extracting(EventEnvelope::type)
                .containsExactly("ExperimentStarted", "EpisodeRequested", "EpisodeRequested", "EpisodeRequested");
        assertThat(events.payloads(EpisodeRequested.class))
                .extracting(EpisodeRequested::index, EpisodeRequested::attempt, EpisodeRequested::seed)
                .containsExactly(tuple(0, 1, 100L), tuple(1, 1, 101L), tuple(2, 1, 102L));
        assertThat(events.published)
                .filteredOn(e -> e.payload() instanceof EpisodeRequested)
                .extracting(EventEnvelope::eventId)
                .as("a work item's id is its episode's and attempt's")
                .containsExactlyElementsOf(events.payloads(EpisodeRequested.class).stream()
                        .map(EpisodeRequested::eventId)
                        .toList());
    }

    @Test
    void completesOnceWhenItsLastEpisodeIsRecordedThoughEveryOutcomeArrivesTwice() {
        Experiment submitted = service.submit(config(2, 1));
        String id = submitted.id();

        service.episodeCompleted(driven(id, 1));
        service.episodeCompleted(driven(id, 1));
        assertThat(stored(id).status()).isEqualTo(ExperimentStatus.RUNNING);
        service.episodeCompleted(driven(id, 0));
        service.episodeCompleted(driven(id, 0));
        service.episodeCompleted(driven(id, 1));

        Experiment done = stored(id);
        assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(done.episodes()).extracting(EpisodeSummary::index).containsExactly(0, 1);
        assertThat(events.payloads(ExperimentCompleted.class))
                .singleElement()
                .satisfies(c -> assertThat(c.episodes()).isEqualTo(done.episodes()));
        assertThat(events.payloads(EpisodeCompleted.class))
                .as("the runners announce episodes; the orchestrator only records them")
                .isEmpty();
    }

    @Test
    void theModelVersionsTheRunnersRecordedTravelOnInExperimentCompleted() {
        String id = service.submit(config(2, 1)).id();
        EpisodeCompleted e0 = driven(id, 0);
        EpisodeCompleted e1 = driven(id, 1);

        service.episodeCompleted(withModelVersions(e0, "dreamer:100:aaaaaaaaaaaa"));
        service.episodeCompleted(withModelVersions(e1, "dreamer:100:aaaaaaaaaaaa", "dreamer:200:bbbbbbbbbbbb"));

        assertThat(events.payloads(ExperimentCompleted.class))
                .singleElement()
                .satisfies(c -> assertThat(c.episodes())
                        .extracting(EpisodeSummary::modelVersions)
                        .containsExactly(
                                List.of("dreamer:100:aaaaaaaaaaaa"),
                                List.of("dreamer:100:aaaaaaaaaaaa", "dreamer:200:bbbbbbbbbbbb")));
    }

    private static EpisodeCompleted withModelVersions(EpisodeCompleted e, String... versions) {
        EpisodeSummary s = e.summary();
        EpisodeSummary versioned = episode(s.episodeId(), s.index())
                .seed(s.seed())
                .steps(s.steps())
                .meanSpeedMps(s.meanSpeedMps())
                .route(s.start(), s.destination(), s.routeLengthM())
                .modelVersions(versions)
                .build();
        return new EpisodeCompleted(e.experimentId(), e.map(), e.artifactUri(), versioned, e.condition());
    }

    @Test
    void theInstanceThatRecordsTheLastEpisodeCompletesTheExperimentAndTheOtherNeverAgain() {
        // two orchestrator instances sharing one store, as on Cloud Run with Firestore
        RecordingPublisher otherEvents = new RecordingPublisher();
        ExperimentService other = LocalExperimentServices.on(store, fake.uri(), data, otherEvents);
        try {
            String id = service.submit(config(2, 1)).id();

            service.episodeCompleted(driven(id, 0));
            other.episodeCompleted(driven(id, 1));
            service.episodeCompleted(driven(id, 1));
            other.episodeCompleted(driven(id, 0));

            assertThat(stored(id).status()).isEqualTo(ExperimentStatus.COMPLETED);
            assertThat(otherEvents.payloads(ExperimentCompleted.class)).singleElement();
            assertThat(events.payloads(ExperimentCompleted.class)).isEmpty();
        } finally {
            other.destroy();
        }
    }

    @Test
    void anEpisodeFailingEveryAttemptFailsAloneAndTheExperimentCompletesWithFailuresNamingIt() {
        String id = service.submit(config(2, 2)).id();
        EpisodeFailed failed =
                new EpisodeFailed(id, 1, id + "-e1", 101L, 2, "carla-runner: simulator crashed", "runner-2");

        service.episodeCompleted(driven(id, 0));
        service.episodeFailed(failed);
        service.episodeFailed(failed);

        Experiment done = stored(id);
        assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED_WITH_FAILURES);
        assertThat(done.episodes()).extracting(EpisodeSummary::index).containsExactly(0);
        assertThat(done.failedEpisodes())
                .singleElement()
                .isEqualTo(new EpisodeFailure(id + "-e1", 1, 101L, 2, "carla-runner: simulator crashed"));
        assertThat(done.failureReason())
                .isEqualTo("1 of 2 episodes failed: " + id + "-e1 (2 attempts): carla-runner: simulator crashed");
        assertThat(events.payloads(ExperimentCompleted.class)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ExperimentStatus.COMPLETED_WITH_FAILURES);
            assertThat(c.episodes()).hasSize(1);
            assertThat(c.failedEpisodes()).isEqualTo(done.failedEpisodes());
        });
        assertThat(events.payloads(ExperimentFailed.class)).isEmpty();
    }

    @Test
    void aCancelledExperimentAnnouncesItOnceAndIgnoresTheOutcomesThatArriveAfter() {
        String id = service.submit(config(3, 1)).id();
        service.episodeCompleted(driven(id, 0));

        Experiment cancelled = service.cancel(id);
        service.episodeCompleted(driven(id, 1));
        service.episodeCompleted(driven(id, 2));

        assertThat(cancelled.status()).isEqualTo(ExperimentStatus.CANCELLED);
        Experiment after = stored(id);
        assertThat(after.status()).isEqualTo(ExperimentStatus.CANCELLED);
        assertThat(after.failureReason()).isEqualTo("cancelled by operator");
        assertThat(after.episodes()).extracting(EpisodeSummary::index).containsExactly(0);
        assertThat(events.payloads(ExperimentCompleted.class)).isEmpty();
        assertThat(events.payloads(ExperimentCancelled.class))
                .containsExactly(new ExperimentCancelled(id, "cancelled by operator"));
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
    void waitsUntilTheBusAcceptsExperimentCompleted() {
        String id = service.submit(config(1, 1)).id();
        Executor inASecond = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);
        events.answer = e -> e.payload() instanceof ExperimentCompleted
                ? CompletableFuture.runAsync(() -> {}, inASecond)
                : CompletableFuture.completedFuture(null);

        service.episodeCompleted(driven(id, 0));
        boolean acceptedWhenRecordingReturned = events.answered.getLast().isDone();

        assertThat(events.published.getLast().payload()).isInstanceOf(ExperimentCompleted.class);
        assertThat(acceptedWhenRecordingReturned).isTrue();
    }

    @Test
    void keepsAnEventTheBusRefusedInTheOutboxAndPublishesItOnTheNextStart() throws Exception {
        String id = service.submit(config(1, 1)).id();
        events.answer = e -> e.payload() instanceof ExperimentCompleted
                ? CompletableFuture.failedFuture(new IllegalStateException("bus closed"))
                : CompletableFuture.completedFuture(null);

        service.episodeCompleted(driven(id, 0));

        Experiment done = stored(id);
        assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(done.outbox()).extracting(EventEnvelope::type).containsExactly("ExperimentCompleted");
        EventEnvelope refused = done.outbox().getFirst();

        events.answer = e -> CompletableFuture.completedFuture(null);
        restart();
        service.resumeUnfinished();

        assertThat(events.published)
                .filteredOn(e -> e.eventId().equals(refused.eventId()))
                .hasSize(2);
        assertThat(stored(id).outbox()).isEmpty();
    }

    @Test
    void aCrashBeforeTheWorkItemsWerePublishedPublishesThemOnRestart() throws Exception {
        // the previous process stored the accepted experiment with its outbox, then died
        store.create(Experiment.accepted("exp-s", config(2, 1), T0));
        restart();

        int unfinished = service.resumeUnfinished();

        assertThat(unfinished).isEqualTo(1);
        assertThat(events.published)
                .extracting(EventEnvelope::type)
                .containsExactly("ExperimentStarted", "EpisodeRequested", "EpisodeRequested");
        assertThat(stored("exp-s").outbox()).isEmpty();
        assertThat(stored("exp-s").status()).isEqualTo(ExperimentStatus.RUNNING);
    }

    @Test
    void aCrashAfterCompletedWasStoredStillAnnouncesExperimentCompletedOnceOnRestart() throws Exception {
        store.create(Experiment.accepted("exp-k", config(2, 1), T0));
        store.update(
                "exp-k",
                e -> allPublished(e.running(T0).withEpisode(recordedBefore("exp-k", 0), T0))
                        // the process dies after this write, before the relay published anything
                        .withEpisode(recordedBefore("exp-k", 1), T0));
        assertThat(stored("exp-k").status()).isEqualTo(ExperimentStatus.COMPLETED);
        restart();

        int resumed = service.resumeUnfinished();

        assertThat(resumed).as("a COMPLETED experiment is not unfinished").isZero();
        assertThat(events.published).extracting(EventEnvelope::type).containsExactly("ExperimentCompleted");
        assertThat(events.payloads(ExperimentCompleted.class).getFirst().episodes())
                .hasSize(2);
        assertThat(stored("exp-k").outbox()).isEmpty();

        restart();
        service.resumeUnfinished();
        service.episodeCompleted(recordedBefore("exp-k", 1));
        assertThat(events.published)
                .as("published once: nothing left to republish, a late duplicate changes nothing")
                .hasSize(1);
    }

    @Test
    void anEpisodeRecordedBeforeARestartIsNotCountedAgainWhenItsAnnouncementIsDeliveredAgain() throws Exception {
        store.create(Experiment.accepted("exp-e", config(2, 1), T0));
        store.update("exp-e", e -> allPublished(e.running(T0)).withEpisode(recordedBefore("exp-e", 0), T0));
        restart();

        service.resumeUnfinished();
        service.episodeCompleted(recordedBefore("exp-e", 0));
        assertThat(stored("exp-e").status()).isEqualTo(ExperimentStatus.RUNNING);
        service.episodeCompleted(recordedBefore("exp-e", 1));

        assertThat(stored("exp-e").status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(stored("exp-e").episodes()).hasSize(2);
        assertThat(events.payloads(ExperimentCompleted.class)).singleElement();
    }

    private void restart() throws Exception {
        service.destroy();
        store = new LocalExperimentStore(stateFolder());
        service = serviceOn(store);
    }

    @Test
    void rejectsAMapThatCarlaRunnerCannotLoadNamingTheField() {
        ExperimentConfig config = ExperimentConfigBuilder.experiment("bad-map")
                .map(FakeServices.UNKNOWN_MAP)
                .episodes(1)
                .build();

        assertThatThrownBy(() -> service.submit(config))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("map"))
                .hasMessageContaining("no map file");
        assertThat(store.all()).isEmpty();
        assertThat(events.published).isEmpty();
    }

    private static ExperimentConfig withRoutes(RouteSpec... routes) {
        return ExperimentConfigBuilder.experiment("routes")
                .agent("autopilot")
                .episodes(2)
                .routes(List.of(routes))
                .maxSteps(100)
                .build();
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

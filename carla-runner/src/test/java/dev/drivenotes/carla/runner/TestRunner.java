package dev.drivenotes.carla.runner;

import dev.drivenotes.model.event.DomainEvent;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EpisodeFailed;
import dev.drivenotes.model.event.EpisodeRequested;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCancelled;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.port.EventSubscriber;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.events.InProcessEventBus;
import dev.drivenotes.platform.remote.RemoteCalls;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A runner as carla-runner wires it ({@link RunnerConfiguration}), on a durable in-process bus in a
 * test folder, its simulator and dreamer-service being a {@link FakeServices}: work items go in as
 * the orchestrator publishes them, and everything on the bus is recorded.
 */
final class TestRunner implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    final InProcessEventBus bus;
    final List<EventEnvelope> events = new CopyOnWriteArrayList<>();
    private final LockstepLoop loop;
    private final List<EventSubscriber.Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /**
     * @param inFlight episodes driven at once
     * @param attempts attempts per episode
     * @param retryDelay wait before an episode's next attempt
     */
    TestRunner(
            FakeServices fake,
            Path data,
            ArtifactStore artifacts,
            RemoteCalls calls,
            MeterRegistry meters,
            int inFlight,
            int attempts,
            Duration retryDelay) {
        bus = InProcessEventBus.open(data.resolve("events"));
        subscriptions.add(bus.subscribe("recorder", events::add));
        Clock clock = Clock.systemUTC();
        ClosedLoopMeters closedLoop = new ClosedLoopMeters(meters);
        StepTally tally = new StepTally(bus, "runner-1", Duration.ofSeconds(1), clock);
        Cancellations cancellations = new Cancellations();
        Outcomes outcomes = new Outcomes(bus, "runner-1", attempts, retryDelay, clock);
        loop = new LockstepLoop(
                new EpisodeDrive(
                        fake,
                        fake.policy(calls),
                        artifacts,
                        outcomes,
                        cancellations,
                        closedLoop,
                        tally,
                        EventTelemetry.none()),
                tally,
                closedLoop);
        EpisodeWork work = new EpisodeWork(loop, cancellations, clock);
        subscriptions.add(bus.subscribe("runner-work", work::work, inFlight));
        subscriptions.add(bus.subscribe("runner-runner-1", work::control));
    }

    /** Publishes the first attempt of every episode, as the orchestrator does at submission. */
    void request(String experimentId, ExperimentConfig config) {
        for (int i = 0; i < config.episodes(); i++) {
            EpisodeRequested request = EpisodeRequested.first(experimentId, i, config);
            bus.publish(EventEnvelope.wrap(request.eventId(), request, Instant.now()))
                    .join();
        }
    }

    void cancel(String experimentId) {
        bus.publish(EventEnvelope.wrap(new ExperimentCancelled(experimentId, "cancelled by operator"), Instant.now()))
                .join();
    }

    /** Requests every episode, then waits until each has its outcome (completed or failed). */
    List<DomainEvent> drive(String experimentId, ExperimentConfig config) throws InterruptedException {
        request(experimentId, config);
        awaitEvents(
                "an outcome for each of the " + config.episodes() + " episodes of " + experimentId,
                e -> outcomes(experimentId).size() >= config.episodes());
        return outcomes(experimentId);
    }

    /** The episodes' outcomes announced so far, in order. */
    List<DomainEvent> outcomes(String experimentId) {
        return payloads(DomainEvent.class).stream()
                .filter(e -> e.experimentId().equals(experimentId))
                .filter(e -> e instanceof EpisodeCompleted || e instanceof EpisodeFailed)
                .toList();
    }

    <T extends DomainEvent> List<T> payloads(Class<T> type) {
        return events.stream()
                .map(EventEnvelope::payload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    void awaitEvents(String what, Predicate<List<EventEnvelope>> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.test(events)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Waits until every work item is handled (its handler returned). */
    void awaitIdle() throws InterruptedException {
        if (!bus.awaitIdle(PATIENCE)) {
            throw new AssertionError("work items still in flight after " + PATIENCE);
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(EventSubscriber.Subscription::close);
        loop.close();
        bus.close();
    }
}

package dev.drivenotes.carla.runner;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EpisodeFailed;
import dev.drivenotes.model.event.EpisodeRequested;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces how an episode's attempt ended, under ids derived from the episode (a work item driven
 * twice announces one event twice, which every consumer skips the second time), and only then
 * completes the attempt's {@link Assignment} (so its work item is acknowledged after the outcome is
 * on the bus). A failed attempt is followed by the next (its work item published again, not before
 * {@code retryDelay} from now) until {@code maxAttempts}, then by {@link EpisodeFailed}.
 */
final class Outcomes {

    private static final Logger log = LoggerFactory.getLogger(Outcomes.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final EventPublisher events;
    private final String runner;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final Clock clock;

    Outcomes(EventPublisher events, String runner, int maxAttempts, Duration retryDelay, Clock clock) {
        this.events = events;
        this.runner = runner;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
        this.clock = clock;
    }

    String runner() {
        return runner;
    }

    /** The event id of an episode's completion: the same for every drive of it. */
    static String completedEventId(String episodeId) {
        return EventEnvelope.idOf(episodeId + "/completed");
    }

    void completed(Assignment assignment, EpisodeCompleted episode) {
        publish(
                assignment,
                EventEnvelope.wrap(completedEventId(episode.summary().episodeId()), episode, clock.instant()));
    }

    /** The attempt failed on a dependency: the next attempt is requested, or the episode fails. */
    void attemptFailed(Assignment assignment, String reason) {
        EpisodeRequested request = assignment.request();
        if (request.attempt() < maxAttempts) {
            log.warn(
                    "episode {} attempt {} failed: {}; trying again in {}",
                    request.episodeId(),
                    request.attempt(),
                    reason,
                    retryDelay);
            EpisodeRequested next = request.retry(clock.instant().plus(retryDelay));
            publish(assignment, EventEnvelope.wrap(next.eventId(), next, clock.instant()));
        } else {
            log.warn("episode {} failed after {} attempts: {}", request.episodeId(), request.attempt(), reason);
            EpisodeFailed failed = new EpisodeFailed(
                    request.experimentId(),
                    request.index(),
                    request.episodeId(),
                    request.seed(),
                    request.attempt(),
                    reason,
                    runner);
            publish(assignment, EventEnvelope.wrap(failed.eventId(), failed, clock.instant()));
        }
    }

    /** Publishes and waits (bounded) until the bus accepted it; the assignment fails when it did not. */
    private void publish(Assignment assignment, EventEnvelope event) {
        try {
            events.publish(assignment.traced(event)).get(PUBLISH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assignment.done().complete(null);
        } catch (ExecutionException e) {
            assignment.done().completeExceptionally(e.getCause());
        } catch (TimeoutException e) {
            assignment
                    .done()
                    .completeExceptionally(new IllegalStateException(
                            event.type() + " not accepted by the bus within " + PUBLISH_TIMEOUT, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            assignment.done().completeExceptionally(e);
        }
    }
}

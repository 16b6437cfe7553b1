package dev.drivenotes.carla.runner;

import dev.drivenotes.model.event.EpisodeRequested;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCancelled;
import dev.drivenotes.platform.observability.LogContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles this runner's two subscriptions. Work items ({@link EpisodeRequested}, on the work
 * subscription that every runner shares): the handler waits until the attempt may start, hands it
 * to the {@link LockstepLoop} and returns only once its outcome is on the bus (so the item is
 * acknowledged after the episode is durably recorded, and redelivered when this runner dies
 * first); an item of a cancelled experiment is dropped. Cancellations ({@link ExperimentCancelled},
 * on this runner's own subscription) stop that experiment's episodes here.
 */
final class EpisodeWork {

    private static final Logger log = LoggerFactory.getLogger(EpisodeWork.class);
    private static final Duration WAIT_STEP = Duration.ofMillis(200);

    private final LockstepLoop loop;
    private final Cancellations cancellations;
    private final Clock clock;

    EpisodeWork(LockstepLoop loop, Cancellations cancellations, Clock clock) {
        this.loop = loop;
        this.cancellations = cancellations;
        this.clock = clock;
    }

    /** A delivery of the work subscription: anything but a work item is not for runners. */
    void work(EventEnvelope event) throws InterruptedException, ExecutionException {
        if (!(event.payload() instanceof EpisodeRequested request)) {
            return;
        }
        try (MDC.MDCCloseable exp = MDC.putCloseable(LogContext.EXPERIMENT_ID, request.experimentId());
                MDC.MDCCloseable ep = MDC.putCloseable(LogContext.EPISODE_ID, request.episodeId())) {
            if (!waitUntilDue(request)) {
                log.info("episode {} dropped: its experiment was cancelled", request.episodeId());
                return;
            }
            log.info(
                    "episode {} attempt {} taken{}",
                    request.episodeId(),
                    request.attempt(),
                    request.notBefore() == null ? "" : " (not before " + request.notBefore() + ")");
            loop.drive(Assignment.of(request, event.traceparent())).get();
        }
    }

    /** A delivery of this runner's own subscription. */
    void control(EventEnvelope event) {
        if (event.payload() instanceof ExperimentCancelled cancelled) {
            cancellations.cancel(cancelled.experimentId());
        }
    }

    /** Waits for the attempt's not-before time; false when its experiment is cancelled meanwhile. */
    private boolean waitUntilDue(EpisodeRequested request) throws InterruptedException {
        Instant due = request.notBefore();
        while (!cancellations.cancelled(request.experimentId())) {
            Duration left = due == null ? Duration.ZERO : Duration.between(clock.instant(), due);
            if (!left.isPositive()) {
                return true;
            }
            Thread.sleep(left.compareTo(WAIT_STEP) < 0 ? left : WAIT_STEP);
        }
        return false;
    }
}

package dev.drivenotes.carla.runner;

import dev.drivenotes.model.event.EpisodeRequested;
import dev.drivenotes.model.event.EventEnvelope;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt of an episode handed to the {@link LockstepLoop}; {@code done} completes once its
 * outcome (the episode, its failure, or its next attempt) is accepted by the bus, or once it is
 * dropped (its experiment was cancelled), and fails when the runner stopped before either. {@code
 * traceparent} is the trace its work item came in (null when none): the runner announces the
 * episode in that trace.
 */
record Assignment(EpisodeRequested request, CompletableFuture<Void> done, String traceparent) {

    static Assignment of(EpisodeRequested request, String traceparent) {
        return new Assignment(request, new CompletableFuture<>(), traceparent);
    }

    /** {@code event} in the work item's trace (unless it names one of its own). */
    EventEnvelope traced(EventEnvelope event) {
        return traceparent == null || event.traceparent() != null ? event : event.withTraceparent(traceparent);
    }
}

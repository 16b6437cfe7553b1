package dev.drivenotes.model.port;

import dev.drivenotes.model.event.EventEnvelope;
import java.util.concurrent.CompletableFuture;

/** Publishes events. The future completes once the bus has accepted the event durably. */
public interface EventPublisher {
    CompletableFuture<Void> publish(EventEnvelope event);
}

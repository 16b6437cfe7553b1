package dev.drivenotes.model.port;

import dev.drivenotes.model.event.EventEnvelope;

/**
 * Handles one delivered event. Returning normally acknowledges it; throwing asks for redelivery.
 * Delivery is at least once: handlers must be idempotent by {@link EventEnvelope#eventId()}.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(EventEnvelope event) throws Exception;
}

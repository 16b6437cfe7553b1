package dev.drivenotes.platform.events;

import dev.drivenotes.model.event.EventEnvelope;
import java.time.Instant;

/**
 * An event that exhausted its delivery attempts on a subscription (the local counterpart of a
 * Pub/Sub dead-letter topic's message).
 *
 * @param subscription the subscription that gave up
 * @param event the event, as published
 * @param lastError what the handler threw the last time
 * @param deadLetteredAt when the subscription gave up
 */
public record DeadLetter(String subscription, EventEnvelope event, String lastError, Instant deadLetteredAt) {}

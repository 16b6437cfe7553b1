package dev.drivenotes.platform.gcp.pubsub;

import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.spring.pubsub.support.BasicAcknowledgeablePubsubMessage;
import com.google.pubsub.v1.PubsubMessage;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventHandler;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.events.ObservedEventHandler;
import dev.drivenotes.platform.json.Json;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one pulled message to a handler: ack after the handler returned (its work is durable),
 * nack when it threw (Pub/Sub redelivers), and after {@code maxAttempts} failed deliveries publish
 * a copy to the subscription's dead-letter topic and ack only once that publish succeeded.
 *
 * <p>The attempt number comes from Pub/Sub ({@code googclient_deliveryattempt}, present when the
 * subscription has a dead-letter policy; the emulator sets it too). Without that attribute the
 * attempts are counted here, per message id and process.
 */
final class EventDelivery {

    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);
    private static final int MAX_ERROR_CHARS = 500;

    private final String consumer;
    private final EventHandler handler;
    private final int maxAttempts;
    private final Function<PubsubMessage, CompletableFuture<String>> deadLetters;
    private final Map<String, Integer> localAttempts = new ConcurrentHashMap<>();

    EventDelivery(
            String consumer,
            EventHandler handler,
            int maxAttempts,
            Function<PubsubMessage, CompletableFuture<String>> deadLetters) {
        this.consumer = consumer;
        this.handler = handler;
        this.maxAttempts = maxAttempts;
        this.deadLetters = deadLetters;
    }

    /**
     * Delivers one message.
     *
     * @return true when it was acknowledged (handled or dead-lettered), false when it was nacked
     */
    boolean deliver(BasicAcknowledgeablePubsubMessage received) {
        PubsubMessage message = received.getPubsubMessage();
        int attempt = attemptOf(message);
        EventEnvelope event;
        try {
            event = withTraceOf(
                    message, Json.mapper().readValue(message.getData().toByteArray(), EventEnvelope.class));
        } catch (RuntimeException unreadable) {
            // a message nobody can read never gets better: straight to the dead letters
            return deadLetter(received, unreadable);
        }
        if (attempt > 1) {
            ObservedEventHandler.redelivering(handler);
        }
        try {
            handler.handle(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            received.nack();
            return false;
        } catch (Exception e) {
            if (attempt >= maxAttempts) {
                log.error(
                        "{} {} failed {} times on '{}': dead-lettering",
                        event.type(),
                        event.eventId(),
                        attempt,
                        consumer,
                        e);
                return deadLetter(received, e);
            } else {
                log.warn(
                        "{} {} failed on '{}' (attempt {}/{}, counted by {}), nacking for redelivery: {}",
                        event.type(),
                        event.eventId(),
                        consumer,
                        attempt,
                        maxAttempts,
                        Subscriber.getDeliveryAttempt(message) == null ? "this subscriber" : "Pub/Sub",
                        e.toString());
                received.nack();
            }
            return false;
        }
        localAttempts.remove(message.getMessageId());
        received.ack().whenComplete((ok, err) -> {
            if (err != null) {
                log.warn(
                        "ack of {} on '{}' failed; it will be redelivered and skipped by id: {}",
                        event.eventId(),
                        consumer,
                        err.toString());
            }
        });
        return true;
    }

    /** The envelope with the message's {@code traceparent} attribute where the envelope itself carries none. */
    static EventEnvelope withTraceOf(PubsubMessage message, EventEnvelope event) {
        String traceparent = message.getAttributesOrDefault(EventTelemetry.TRACEPARENT, "");
        return event.traceparent() == null && !traceparent.isBlank() ? event.withTraceparent(traceparent) : event;
    }

    private int attemptOf(PubsubMessage message) {
        Integer fromPubSub = Subscriber.getDeliveryAttempt(message);
        if (fromPubSub != null && fromPubSub > 0) {
            return fromPubSub;
        }
        return localAttempts.merge(message.getMessageId(), 1, Integer::sum);
    }

    /** Publishes a copy to the dead-letter topic, then acks; nacks (returns false) when that publish failed. */
    private boolean deadLetter(BasicAcknowledgeablePubsubMessage received, Exception cause) {
        PubsubMessage original = received.getPubsubMessage();
        String error = String.valueOf(cause);
        PubsubMessage copy = original.toBuilder()
                .clearMessageId()
                .clearPublishTime()
                .clearOrderingKey()
                .putAttributes(PubSubNames.ATTRIBUTE_DEAD_LETTERED_FROM, PubSubNames.subscription(consumer))
                .putAttributes(
                        PubSubNames.ATTRIBUTE_LAST_ERROR,
                        error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error)
                .build();
        try {
            deadLetters.apply(copy).get();
            ObservedEventHandler.deadLettered(handler);
            localAttempts.remove(original.getMessageId());
            received.ack();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            received.nack();
            return false;
        } catch (ExecutionException | RuntimeException e) {
            log.error(
                    "could not dead-letter message {} of '{}'; nacking: {}",
                    original.getMessageId(),
                    consumer,
                    e.toString());
            received.nack();
            return false;
        }
    }
}

package dev.drivenotes.platform.gcp.pubsub;

import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.spring.pubsub.core.PubSubTemplate;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventHandler;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.port.EventSubscriber;
import dev.drivenotes.platform.json.Json;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus on Google Cloud Pub/Sub. Publishing puts the envelope's JSON on {@link
 * PubSubNames#EVENTS_TOPIC} with the experiment id as ordering key (one experiment's events arrive
 * in order); the returned future completes when Pub/Sub has the message. A subscription pulls
 * from {@link PubSubNames#subscription(String)}; {@link EventDelivery} acks only after the
 * handler returned, nacks on failure and dead-letters after the configured attempts.
 */
public final class PubSubEventBus implements EventPublisher, EventSubscriber {

    private static final Logger log = LoggerFactory.getLogger(PubSubEventBus.class);
    private static final long STOP_TIMEOUT_SECONDS = 20;

    private final PubSubTemplate pubSub;
    private final PubSubResources resources;
    private final int maxDeliveryAttempts;
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();

    /**
     * @param resources creates missing topics/subscriptions; {@code null} when Terraform owns them
     */
    PubSubEventBus(PubSubTemplate pubSub, PubSubResources resources, int maxDeliveryAttempts) {
        this.pubSub = pubSub;
        this.resources = resources;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        if (resources != null) {
            resources.ensureTopic();
        }
    }

    @Override
    public CompletableFuture<Void> publish(EventEnvelope event) {
        PubsubMessage message;
        try {
            message = toMessage(event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return pubSub.publish(PubSubNames.EVENTS_TOPIC, message)
                .thenAccept(messageId ->
                        log.debug("published {} {} as message {}", event.type(), event.eventId(), messageId));
    }

    static PubsubMessage toMessage(EventEnvelope event) {
        return PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom(Json.mapper().writeValueAsBytes(event)))
                .setOrderingKey(event.experimentId())
                .putAttributes(PubSubNames.ATTRIBUTE_EVENT_ID, event.eventId())
                .putAttributes(PubSubNames.ATTRIBUTE_TYPE, event.type())
                .putAttributes(PubSubNames.ATTRIBUTE_EXPERIMENT_ID, event.experimentId())
                .build();
    }

    @Override
    public Subscription subscribe(String subscriptionName, EventHandler handler) {
        if (resources != null) {
            resources.ensureConsumer(subscriptionName);
        }
        String subscription = PubSubNames.subscription(subscriptionName);
        EventDelivery delivery = new EventDelivery(
                subscriptionName,
                handler,
                maxDeliveryAttempts,
                deadLetter -> pubSub.publish(PubSubNames.deadLetterTopic(subscriptionName), deadLetter));
        Subscriber subscriber = pubSub.subscribe(subscription, delivery::deliver);
        if (subscribers.putIfAbsent(subscriptionName, subscriber) != null) {
            stop(subscriptionName, subscriber);
            throw new IllegalStateException("subscription '" + subscriptionName + "' already has a consumer");
        }
        log.info("pulling events from Pub/Sub subscription {}", subscription);
        return () -> {
            if (subscribers.remove(subscriptionName, subscriber)) {
                stop(subscriptionName, subscriber);
            }
        };
    }

    private static void stop(String name, Subscriber subscriber) {
        try {
            subscriber.stopAsync().awaitTerminated(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "subscriber '{}' did not stop within {} s; unacked messages are redelivered",
                    name,
                    STOP_TIMEOUT_SECONDS);
        } catch (IllegalStateException e) {
            log.warn("subscriber '{}' had already failed: {}", name, e.toString());
        }
    }
}

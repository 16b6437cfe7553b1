package dev.drivenotes.platform.gcp.pubsub;

import com.google.cloud.spring.pubsub.core.PubSubTemplate;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.drivenotes.model.event.EpisodeRequested;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventHandler;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.port.EventSubscriber;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.events.SubscriptionStatus;
import dev.drivenotes.platform.events.SubscriptionStatuses;
import dev.drivenotes.platform.json.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus on Google Cloud Pub/Sub. Publishing puts the envelope's JSON on {@link
 * PubSubNames#EVENTS_TOPIC} with the experiment id as ordering key (one experiment's events arrive
 * in order); the returned future completes when Pub/Sub has the message. A subscription pulls
 * from {@link PubSubNames#subscription(String)}; {@link EventDelivery} acks only after the
 * handler returned (its work is durable), nacks on failure and dead-letters after the configured
 * attempts.
 */
public final class PubSubEventBus implements EventPublisher, EventSubscriber, SubscriptionStatuses {

    private static final Logger log = LoggerFactory.getLogger(PubSubEventBus.class);

    private final PubSubTemplate pubSub;
    private final PubSubResources resources;
    private final int maxDeliveryAttempts;
    private final boolean streamingPull;
    private final Map<String, PubSubConsumer> consumers = new ConcurrentHashMap<>();

    /**
     * @param resources creates missing topics/subscriptions; {@code null} when Terraform owns them
     * @param streamingPull consume with streaming pull (Pub/Sub) or a pull loop (the emulator)
     */
    PubSubEventBus(PubSubTemplate pubSub, PubSubResources resources, int maxDeliveryAttempts, boolean streamingPull) {
        this.pubSub = pubSub;
        this.resources = resources;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.streamingPull = streamingPull;
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

    /** The envelope as JSON, with its id, type, experiment and (when it has one) trace context as attributes. */
    static PubsubMessage toMessage(EventEnvelope event) {
        PubsubMessage.Builder message = PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom(Json.mapper().writeValueAsBytes(event)))
                .setOrderingKey(orderingKeyOf(event))
                .putAttributes(PubSubNames.ATTRIBUTE_EVENT_ID, event.eventId())
                .putAttributes(PubSubNames.ATTRIBUTE_TYPE, event.type())
                .putAttributes(PubSubNames.ATTRIBUTE_EXPERIMENT_ID, event.experimentId());
        if (event.traceparent() != null) {
            message.putAttributes(EventTelemetry.TRACEPARENT, event.traceparent());
        }
        return message.build();
    }

    /**
     * One experiment's events arrive in order; a work item ({@link EpisodeRequested}) is ordered only
     * with its own episode's attempts, so that runners take an experiment's episodes at once.
     */
    static String orderingKeyOf(EventEnvelope event) {
        return event.payload() instanceof EpisodeRequested request ? request.episodeId() : event.experimentId();
    }

    /**
     * Starts consuming a subscription in this process: streaming pull, or a pull loop where
     * streaming pull is off (the emulator, see {@link PollingConsumer}). The consumer restarts
     * itself after failures; {@link #subscriptionStatuses} reports it.
     */
    @Override
    public Subscription subscribe(String subscriptionName, EventHandler handler) {
        return consume(subscriptionName, handler, 1);
    }

    private Subscription consume(String subscriptionName, EventHandler handler, int maxInFlight) {
        if (resources != null) {
            resources.ensureConsumer(subscriptionName);
        }
        EventDelivery delivery = new EventDelivery(
                subscriptionName,
                handler,
                maxDeliveryAttempts,
                deadLetter -> pubSub.publish(PubSubNames.deadLetterTopic(subscriptionName), deadLetter));
        PubSubConsumer consumer = streamingPull
                ? new StreamingConsumer(subscriptionName, pubSub, delivery, maxInFlight)
                : new PollingConsumer(subscriptionName, pubSub, delivery, maxInFlight);
        if (consumers.putIfAbsent(subscriptionName, consumer) != null) {
            throw new IllegalStateException("subscription '" + subscriptionName + "' already has a consumer");
        }
        consumer.start();
        log.info(
                "consuming events from Pub/Sub subscription {} ({} pull)",
                PubSubNames.subscription(subscriptionName),
                streamingPull ? "streaming" : "polling");
        return () -> {
            if (consumers.remove(subscriptionName, consumer)) {
                consumer.stop();
            }
        };
    }

    /**
     * Like {@link #subscribe(String, EventHandler)}, with up to {@code maxInFlight} messages handled at
     * once, each acknowledged after its own handler returned: the pull loop pulls no more than it has
     * room for and keeps extending the ack deadline of the messages in flight; streaming pull gets
     * the same from the client library (flow control and deadline extension, {@code
     * spring.cloud.gcp.pubsub.subscription.*}).
     */
    @Override
    public Subscription subscribe(String subscriptionName, EventHandler handler, int maxInFlight) {
        return consume(subscriptionName, handler, maxInFlight);
    }

    @Override
    public List<SubscriptionStatus> subscriptionStatuses() {
        return consumers.values().stream()
                .map(PubSubConsumer::status)
                .sorted(Comparator.comparing(SubscriptionStatus::subscription))
                .toList();
    }
}

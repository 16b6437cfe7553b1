package dev.drivenotes.platform.gcp.pubsub;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Pub/Sub event bus (profile {@code gcp}).
 *
 * @param maxDeliveryAttempts deliveries of one message to a subscription before it goes to the
 *     subscription's dead-letter topic (Terraform sets the same number on the subscription's
 *     dead-letter policy)
 * @param createResources create the topic, subscriptions and dead-letter topics when missing (the
 *     emulator and first runs; in production Terraform owns them and this stays false)
 * @param streamingPull consume with streaming pull (true) or a synchronous pull loop (false); unset,
 *     streaming pull against Pub/Sub and the pull loop against the emulator, whose streams do not
 *     answer the client's keepalive pings (see {@code PollingConsumer})
 */
@ConfigurationProperties("drivenotes.gcp.pubsub")
public record PubSubBusProperties(
        @DefaultValue("5") int maxDeliveryAttempts,
        @DefaultValue("false") boolean createResources,
        Boolean streamingPull) {
    public PubSubBusProperties {
        if (maxDeliveryAttempts < 1 || maxDeliveryAttempts > 100) {
            throw new IllegalArgumentException("drivenotes.gcp.pubsub.max-delivery-attempts must be in 1..100");
        }
    }

    /** Whether to use streaming pull, given whether the bus talks to the emulator. */
    public boolean streamingPull(boolean emulator) {
        return streamingPull != null ? streamingPull : !emulator;
    }
}

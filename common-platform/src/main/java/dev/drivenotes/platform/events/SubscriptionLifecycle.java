package dev.drivenotes.platform.events;

import dev.drivenotes.model.port.EventHandler;
import dev.drivenotes.model.port.EventSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps a named subscription open while the application runs: subscribes on start, closes on stop
 * (the delivery in progress finishes; the events not yet delivered wait for the next start).
 * Declare one as a bean per subscription a service consumes.
 */
public final class SubscriptionLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionLifecycle.class);

    private final EventSubscriber subscriber;
    private final String subscriptionName;
    private final EventHandler handler;
    private final int maxInFlight;
    private EventSubscriber.Subscription subscription;

    /** @param maxInFlight events handled at once (1: one after the other, in order) */
    public SubscriptionLifecycle(
            EventSubscriber subscriber, String subscriptionName, EventHandler handler, int maxInFlight) {
        this.subscriber = subscriber;
        this.subscriptionName = subscriptionName;
        this.handler = handler;
        this.maxInFlight = maxInFlight;
    }

    public String subscriptionName() {
        return subscriptionName;
    }

    @Override
    public synchronized void start() {
        if (subscription == null) {
            subscription = maxInFlight == 1
                    ? subscriber.subscribe(subscriptionName, handler)
                    : subscriber.subscribe(subscriptionName, handler, maxInFlight);
            log.info("subscribed to events as '{}'", subscriptionName);
        }
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return subscription != null;
    }
}

package dev.drivenotes.reporter.ingest;

import dev.drivenotes.model.port.EventSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Subscribes the reporter to the event stream while the application runs. */
@Component
class EventSubscription implements SmartLifecycle {

    static final String SUBSCRIPTION = "reporter";
    private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);

    private final EventSubscriber subscriber;
    private final ReporterEventHandler handler;
    private volatile EventSubscriber.Subscription subscription;

    EventSubscription(EventSubscriber subscriber, ReporterEventHandler handler) {
        this.subscriber = subscriber;
        this.handler = handler;
    }

    @Override
    public synchronized void start() {
        if (subscription == null) {
            subscription = subscriber.subscribe(SUBSCRIPTION, handler);
            log.info("subscribed to events as '{}'", SUBSCRIPTION);
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
    public boolean isRunning() {
        return subscription != null;
    }
}

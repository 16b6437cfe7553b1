package dev.drivenotes.model.port;

/** Subscribes handlers to the event stream. */
public interface EventSubscriber {

    /**
     * Starts delivering every event to {@code handler} under a named subscription (one consumer
     * group: each event reaches a subscription once, modulo redelivery).
     *
     * @return a handle that stops delivery when closed
     */
    Subscription subscribe(String subscriptionName, EventHandler handler);

    /** A live subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}

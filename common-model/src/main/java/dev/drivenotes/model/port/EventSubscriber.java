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

    /**
     * Like {@link #subscribe(String, EventHandler)}, with up to {@code maxInFlight} events handled at
     * once, for work whose handling lasts long (an episode): each event is acknowledged only after its
     * own handler returned, and one still in flight is not delivered elsewhere meanwhile. Events are
     * then not handed out in order.
     */
    Subscription subscribe(String subscriptionName, EventHandler handler, int maxInFlight);

    /** A live subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}

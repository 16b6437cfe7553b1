package dev.drivenotes.platform.gcp.pubsub;

import dev.drivenotes.platform.events.SubscriptionStatus;

/**
 * One subscription's consumer in this process: streaming pull ({@link StreamingConsumer}, Pub/Sub)
 * or a pull loop ({@link PollingConsumer}, the emulator). Either restarts itself after a failure
 * and says how it is doing.
 */
interface PubSubConsumer {

    void start();

    /** Stops pulling; messages not yet acknowledged are redelivered. */
    void stop();

    SubscriptionStatus status();
}

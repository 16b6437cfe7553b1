package dev.drivenotes.platform.gcp.pubsub;

import com.google.cloud.spring.pubsub.core.subscriber.PubSubSubscriberOperations;
import com.google.cloud.spring.pubsub.support.AcknowledgeablePubsubMessage;
import dev.drivenotes.platform.events.SubscriptionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription consumed with synchronous pulls in a loop, one thread. Used against the Pub/Sub
 * emulator: the client library's streaming pull pings the server every 30 s and closes a stream
 * that does not answer within 15 s, and the emulator (before 0.8.32) never answers, so its streams
 * are torn down every ~45 s and a quiet subscriber stops receiving (still RUNNING, nothing
 * delivered). A unary pull has no keepalive; it returns at once (polled again after a short wait
 * when empty), so stopping never waits for a pull. Within a batch, once a message is nacked, the
 * later messages with its ordering key are nacked undelivered, keeping each experiment's events in
 * order. A failed pull is logged and retried after a growing back-off; three failures in a row
 * report the subscription down until a pull succeeds.
 *
 * <p>With {@code maxInFlight} above one (work items that take minutes each), it pulls only as many
 * messages as it has room for, hands each to a virtual thread of its own, and extends the ack
 * deadline of every message still in flight every {@link #EXTEND_EVERY}, so that Pub/Sub does not
 * deliver a message elsewhere while it is being handled here.
 */
final class PollingConsumer implements PubSubConsumer {

    private static final Logger log = LoggerFactory.getLogger(PollingConsumer.class);
    private static final int BATCH = 10;
    private static final Duration IDLE_WAIT = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int DOWN_AFTER_FAILURES = 3;
    static final Duration EXTEND_EVERY = Duration.ofSeconds(20);
    private static final int EXTEND_TO_SECONDS = 60;

    private final String consumer;
    private final String subscription;
    private final PubSubSubscriberOperations pubSub;
    private final EventDelivery delivery;
    private final Thread thread;
    private final int maxInFlight;
    private final Semaphore room;
    private final Set<AcknowledgeablePubsubMessage> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile boolean stopped;
    private volatile String lastError;
    private volatile Instant lastMessageAt;

    PollingConsumer(String consumer, PubSubSubscriberOperations pubSub, EventDelivery delivery, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.maxInFlight = maxInFlight;
        this.room = new Semaphore(maxInFlight);
        this.consumer = consumer;
        this.subscription = PubSubNames.subscription(consumer);
        this.pubSub = pubSub;
        this.delivery = delivery;
        this.thread =
                Thread.ofPlatform().name("pubsub-pull-" + consumer).daemon().unstarted(this::run);
    }

    @Override
    public void start() {
        thread.start();
    }

    private void run() {
        long lastExtendedNanos = System.nanoTime();
        while (!stopped) {
            try {
                if (maxInFlight > 1 && System.nanoTime() - lastExtendedNanos > EXTEND_EVERY.toNanos()) {
                    extendDeadlines();
                    lastExtendedNanos = System.nanoTime();
                }
                int free = maxInFlight > 1 ? room.availablePermits() : BATCH;
                if (free == 0) {
                    Thread.sleep(IDLE_WAIT);
                    continue;
                }
                List<AcknowledgeablePubsubMessage> messages = pubSub.pull(subscription, Math.min(free, BATCH), true);
                failuresInARow.set(0);
                if (messages.isEmpty()) {
                    Thread.sleep(IDLE_WAIT);
                    continue;
                }
                lastMessageAt = Instant.now();
                if (maxInFlight > 1) {
                    deliverConcurrently(messages);
                } else {
                    deliverInOrder(messages);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                lastError = String.valueOf(e);
                Duration wait = backoff(failuresInARow.incrementAndGet());
                log.warn("pull from '{}' failed ({}); retrying in {}", subscription, lastError, wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void deliverInOrder(List<AcknowledgeablePubsubMessage> messages) {
        Set<String> held = new HashSet<>();
        for (AcknowledgeablePubsubMessage message : messages) {
            String key = message.getPubsubMessage().getOrderingKey();
            if (held.contains(key)) {
                message.nack();
            } else if (!delivery.deliver(message) && !key.isEmpty()) {
                held.add(key);
            }
        }
    }

    private void deliverConcurrently(List<AcknowledgeablePubsubMessage> messages) throws InterruptedException {
        for (AcknowledgeablePubsubMessage message : messages) {
            room.acquire();
            inFlight.add(message);
            Thread.ofVirtual().name("pubsub-" + consumer).start(() -> {
                try {
                    delivery.deliver(message);
                } finally {
                    inFlight.remove(message);
                    room.release();
                }
            });
        }
    }

    /** Tells Pub/Sub the messages in flight are still being handled (a lost extension is retried next round). */
    private void extendDeadlines() {
        for (AcknowledgeablePubsubMessage message : inFlight) {
            message.modifyAckDeadline(EXTEND_TO_SECONDS).whenComplete((ok, failure) -> {
                if (failure != null) {
                    log.warn(
                            "could not extend the ack deadline of a message of '{}': {}",
                            subscription,
                            failure.toString());
                }
            });
        }
    }

    private static Duration backoff(int failures) {
        Duration wait = Duration.ofMillis(500L << Math.min(failures - 1, 6));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    @Override
    public SubscriptionStatus status() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pull", "polling");
        details.put("subscription", subscription);
        details.put("failedPullsInARow", failuresInARow.get());
        if (lastMessageAt != null) {
            details.put("lastMessageAt", lastMessageAt.toString());
        }
        if (lastError != null) {
            details.put("lastError", lastError);
        }
        boolean up = !stopped && thread.isAlive() && failuresInARow.get() < DOWN_AFTER_FAILURES;
        return new SubscriptionStatus(consumer, up, details);
    }

    /** Stops after the delivery in progress (interrupting it after a grace period). */
    @Override
    public void stop() {
        stopped = true;
        try {
            thread.join(STOP_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("the pull loop of '{}' did not stop within {}", consumer, STOP_TIMEOUT);
        }
    }
}

package dev.drivenotes.platform.gcp.pubsub;

import com.google.api.core.ApiService;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.spring.pubsub.core.subscriber.PubSubSubscriberOperations;
import com.google.common.util.concurrent.MoreExecutors;
import dev.drivenotes.platform.events.SubscriptionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming-pull subscriber that restarts itself: the client library's {@link Subscriber} stops
 * for good on a non-retryable error (it goes FAILED and pulls nothing more, silently); this
 * consumer notices the failure, logs it and opens a new subscriber after a growing back-off (1 s,
 * 2 s, ... up to a minute), as long as it is not stopped. A delivered message resets the back-off.
 * At most {@code maxInFlight} messages are handled at once (the others wait, their ack deadlines
 * extended by the client library, which also extends those being handled); how many the library
 * hands over in parallel is bounded by its executor threads ({@code
 * spring.cloud.gcp.pubsub.subscriber.executor-threads}).
 */
final class StreamingConsumer implements PubSubConsumer {

    private static final Logger log = LoggerFactory.getLogger(StreamingConsumer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final String consumer;
    private final String subscription;
    private final PubSubSubscriberOperations pubSub;
    private final EventDelivery delivery;
    private final ScheduledExecutorService restarts;
    private final Semaphore room;
    private final AtomicInteger restartCount = new AtomicInteger();
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile Subscriber subscriber;
    private volatile boolean stopped;
    private volatile String lastError;
    private volatile Instant lastMessageAt;

    StreamingConsumer(String consumer, PubSubSubscriberOperations pubSub, EventDelivery delivery, int maxInFlight) {
        this.room = new Semaphore(maxInFlight);
        this.consumer = consumer;
        this.subscription = PubSubNames.subscription(consumer);
        this.pubSub = pubSub;
        this.delivery = delivery;
        this.restarts = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("pubsub-restart-" + consumer).daemon().factory());
    }

    @Override
    public synchronized void start() {
        open();
    }

    /** Opens a new subscriber and makes it the current one (callers hold the lock). */
    private void open() {
        Subscriber opened = pubSub.subscribe(subscription, message -> {
            lastMessageAt = Instant.now();
            failuresInARow.set(0);
            try {
                room.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                message.nack();
                return;
            }
            try {
                delivery.deliver(message);
            } finally {
                room.release();
            }
        });
        subscriber = opened;
        opened.addListener(
                new ApiService.Listener() {
                    @Override
                    public void failed(ApiService.State from, Throwable failure) {
                        onFailure(opened, failure);
                    }
                },
                MoreExecutors.directExecutor());
        if (opened.state() == ApiService.State.FAILED) {
            onFailure(opened, opened.failureCause());
        }
    }

    private synchronized void onFailure(Subscriber failed, Throwable failure) {
        if (stopped || failed != subscriber) {
            return;
        }
        lastError = String.valueOf(failure);
        long backoffMs = backoff().toMillis();
        log.error(
                "Pub/Sub subscriber of '{}' failed ({}); restarting it in {} ms",
                subscription,
                lastError,
                backoffMs,
                failure);
        restarts.schedule(this::restart, backoffMs, TimeUnit.MILLISECONDS);
    }

    private Duration backoff() {
        int n = Math.min(failuresInARow.getAndIncrement(), 6);
        Duration wait = Duration.ofSeconds(1L << n);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private synchronized void restart() {
        if (stopped) {
            return;
        }
        restartCount.incrementAndGet();
        try {
            open();
            log.info("Pub/Sub subscriber of '{}' restarted (restart {})", subscription, restartCount.get());
        } catch (RuntimeException e) {
            lastError = String.valueOf(e);
            long backoffMs = backoff().toMillis();
            log.error("could not restart the subscriber of '{}'; next try in {} ms", subscription, backoffMs, e);
            restarts.schedule(this::restart, backoffMs, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public SubscriptionStatus status() {
        Subscriber current = subscriber;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pull", "streaming");
        details.put("subscription", subscription);
        details.put("state", current == null ? "NEW" : current.state().name());
        details.put("restarts", restartCount.get());
        if (lastMessageAt != null) {
            details.put("lastMessageAt", lastMessageAt.toString());
        }
        if (lastError != null) {
            details.put("lastError", lastError);
        }
        return new SubscriptionStatus(consumer, !stopped && current != null && current.isRunning(), details);
    }

    @Override
    public void stop() {
        Subscriber current;
        synchronized (this) {
            stopped = true;
            current = subscriber;
        }
        restarts.shutdownNow();
        if (current == null) {
            return;
        }
        try {
            current.stopAsync().awaitTerminated(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "subscriber '{}' did not stop within {}; unacked messages are redelivered", consumer, STOP_TIMEOUT);
        } catch (IllegalStateException e) {
            log.warn("subscriber '{}' had already failed: {}", consumer, e.toString());
        }
    }
}

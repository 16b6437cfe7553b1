package dev.drivenotes.platform.events;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventHandler;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.port.EventSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local event bus: every subscription gets every event published after it subscribed, on its
 * own single thread (in order), at least once. A handler that throws gets the event again after a
 * growing back-off, up to {@code maxAttempts}; then the event goes to the dead letters, as a
 * Pub/Sub dead-letter topic would take it.
 */
public final class InProcessEventBus implements EventPublisher, EventSubscriber, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private final Map<String, SubscriptionWorker> subscriptions = new ConcurrentHashMap<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final int maxAttempts;
    private final Duration backoff;
    private volatile boolean closed;

    /** An event that exhausted its delivery attempts on a subscription. */
    public record DeadLetter(String subscription, EventEnvelope event, String lastError) {}

    public InProcessEventBus() {
        this(5, Duration.ofMillis(200));
    }

    public InProcessEventBus(int maxAttempts, Duration backoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    @Override
    public CompletableFuture<Void> publish(EventEnvelope event) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("event bus is closed"));
        }
        for (SubscriptionWorker worker : subscriptions.values()) {
            worker.enqueue(event);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Subscription subscribe(String subscriptionName, EventHandler handler) {
        SubscriptionWorker worker = new SubscriptionWorker(subscriptionName, handler);
        if (subscriptions.putIfAbsent(subscriptionName, worker) != null) {
            throw new IllegalStateException("subscription '" + subscriptionName + "' already has a consumer");
        }
        return () -> {
            subscriptions.remove(subscriptionName, worker);
            worker.stop();
        };
    }

    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Waits until every subscription has handled what was published so far. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (subscriptions.values().stream().allMatch(SubscriptionWorker::idle)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.values().forEach(SubscriptionWorker::stop);
        subscriptions.clear();
    }

    private final class SubscriptionWorker {
        private final String name;
        private final EventHandler handler;
        private final ExecutorService executor;
        private final AtomicInteger pending = new AtomicInteger();

        SubscriptionWorker(String name, EventHandler handler) {
            this.name = name;
            this.handler = handler;
            ThreadFactory threads =
                    Thread.ofPlatform().name("events-" + name).daemon().factory();
            // the worker belongs to the bus, not to whichever web app's thread happened to publish first
            this.executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = threads.newThread(r);
                t.setContextClassLoader(InProcessEventBus.class.getClassLoader());
                return t;
            });
        }

        void enqueue(EventEnvelope event) {
            pending.incrementAndGet();
            try {
                executor.execute(() -> {
                    try {
                        deliver(event);
                    } finally {
                        pending.decrementAndGet();
                    }
                });
            } catch (RuntimeException rejected) {
                pending.decrementAndGet();
                deadLetters.add(new DeadLetter(name, event, "subscription stopped: " + rejected));
            }
        }

        private void deliver(EventEnvelope event) {
            for (int attempt = 1; ; attempt++) {
                try {
                    handler.handle(event);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    deadLetters.add(new DeadLetter(name, event, "interrupted"));
                    return;
                } catch (Exception e) {
                    if (attempt >= maxAttempts) {
                        log.error(
                                "{} {} dead-lettered on '{}' after {} attempts",
                                event.type(),
                                event.eventId(),
                                name,
                                attempt,
                                e);
                        deadLetters.add(new DeadLetter(name, event, String.valueOf(e)));
                        return;
                    }
                    log.warn(
                            "{} {} failed on '{}' (attempt {}/{}), redelivering: {}",
                            event.type(),
                            event.eventId(),
                            name,
                            attempt,
                            maxAttempts,
                            e.toString());
                    try {
                        Thread.sleep(backoff.toMillis() * attempt);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        deadLetters.add(new DeadLetter(name, event, "interrupted during back-off"));
                        return;
                    }
                }
            }
        }

        boolean idle() {
            return pending.get() == 0;
        }

        void stop() {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
        }
    }
}

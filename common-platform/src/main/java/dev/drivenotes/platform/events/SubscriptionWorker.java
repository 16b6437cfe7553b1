package dev.drivenotes.platform.events;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription's consumer: a thread that reads the log from the subscription's offset, hands
 * each event to the handler (again after a growing back-off while it throws, up to {@code
 * maxAttempts}, then to the dead letters) and persists the next offset only after that. Stopping
 * lets the delivery in progress finish; what was not delivered stays ahead of the offset.
 *
 * <p>With {@code maxInFlight} above one, up to that many events are handled at once, each on a
 * virtual thread of its own (work items that take minutes each); the persisted offset is then the
 * oldest event not yet handled, so after a crash every event still in flight is delivered again
 * (and the ones after it that were handled already: handlers deduplicate).
 */
final class SubscriptionWorker {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);
    private static final long POLL_MS = 200;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final EventHandler handler;
    private final EventLog events;
    private final SubscriptionOffsets offsets;
    private final DeadLetterLog deadLetters;
    private final InProcessEventBus.Settings settings;
    private final Runnable delivered;
    private final AtomicLong offset;
    private final int maxInFlight;
    private final Semaphore permits;
    /** Concurrent mode: the next event to read, and the events handed out and not yet handled. */
    private final AtomicLong read;

    private final NavigableSet<Long> inFlight = new ConcurrentSkipListSet<>();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean delivering;
    private volatile boolean stopping;
    private volatile String lastError;

    SubscriptionWorker(
            String name,
            EventHandler handler,
            long startOffset,
            EventLog events,
            SubscriptionOffsets offsets,
            DeadLetterLog deadLetters,
            InProcessEventBus.Settings settings,
            Runnable delivered,
            int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.name = name;
        this.handler = handler;
        this.events = events;
        this.offsets = offsets;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.delivered = delivered;
        this.offset = new AtomicLong(startOffset);
        this.read = new AtomicLong(startOffset);
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
        // the worker belongs to the bus, not to whichever web app's thread subscribed
        this.thread = Thread.ofPlatform().name("events-" + name).daemon().unstarted(this::run);
        thread.setContextClassLoader(InProcessEventBus.class.getClassLoader());
    }

    void start() {
        thread.start();
    }

    private void run() {
        if (maxInFlight > 1) {
            runConcurrently();
            return;
        }
        try {
            while (!stopping) {
                EventEnvelope event = events.await(offset.get(), POLL_MS);
                if (event == null) {
                    continue;
                }
                delivering = true;
                try {
                    if (!deliver(event)) {
                        return;
                    }
                    offsets.put(name, offset.incrementAndGet());
                } finally {
                    delivering = false;
                }
                delivered.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            lastError = String.valueOf(e);
            log.error("subscription '{}' stopped: {}", name, e.toString(), e);
        }
    }

    private void runConcurrently() {
        try {
            while (!stopping) {
                if (!permits.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                EventEnvelope event = events.await(read.get(), POLL_MS);
                if (event == null) {
                    permits.release();
                    continue;
                }
                long seq = read.getAndIncrement();
                inFlight.add(seq);
                Thread handling = Thread.ofVirtual()
                        .name("events-" + name + "-" + seq)
                        .unstarted(() -> {
                            try {
                                if (deliver(event)) {
                                    handled(seq);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } catch (RuntimeException e) {
                                lastError = String.valueOf(e);
                                log.error(
                                        "subscription '{}': delivery of {} failed: {}",
                                        name,
                                        event.eventId(),
                                        e.toString(),
                                        e);
                            } finally {
                                handlers.remove(Thread.currentThread());
                                permits.release();
                            }
                        });
                handlers.add(handling);
                handling.start();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            lastError = String.valueOf(e);
            log.error("subscription '{}' stopped: {}", name, e.toString(), e);
        }
    }

    /** Event {@code seq} is handled: the offset moves up to the oldest event still in flight. */
    private synchronized void handled(long seq) {
        inFlight.remove(seq);
        long next = inFlight.isEmpty() ? read.get() : inFlight.first();
        if (next > offset.get()) {
            offset.set(next);
            offsets.put(name, next);
            delivered.run();
        }
    }

    /** Waits for the deliveries in flight (concurrent mode), interrupting them after {@code grace}. */
    private void awaitHandlers(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread handling : Set.copyOf(handlers)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !handling.join(Duration.ofNanos(left))) {
                handling.interrupt();
            }
        }
    }

    /** Delivers with retries; false when stopping cut it short (the event stays ahead of the offset). */
    private boolean deliver(EventEnvelope event) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                ObservedEventHandler.redelivering(handler);
            }
            try {
                handler.handle(event);
                return true;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (stopping) {
                    return false;
                }
                lastError = String.valueOf(e);
                if (attempt >= settings.maxAttempts()) {
                    log.error(
                            "{} {} dead-lettered on '{}' after {} attempts",
                            event.type(),
                            event.eventId(),
                            name,
                            attempt,
                            e);
                    deadLetters.add(new DeadLetter(name, event, lastError, Instant.now()));
                    ObservedEventHandler.deadLettered(handler);
                    return true;
                }
                log.warn(
                        "{} {} failed on '{}' (attempt {}/{}), redelivering: {}",
                        event.type(),
                        event.eventId(),
                        name,
                        attempt,
                        settings.maxAttempts(),
                        e.toString());
                Thread.sleep(settings.backoff().toMillis() * attempt);
            }
        }
    }

    long offset() {
        return offset.get();
    }

    boolean idle(long end) {
        return !delivering && inFlight.isEmpty() && offset.get() >= end;
    }

    SubscriptionStatus status(long end) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("offset", offset.get());
        details.put("backlog", Math.max(0, end - offset.get()));
        details.put("deadLetters", deadLetters.count(name));
        if (lastError != null) {
            details.put("lastError", lastError);
        }
        return new SubscriptionStatus(name, thread.isAlive() && !stopping, details);
    }

    /** Stops after the delivery in progress (interrupting it after a grace period). */
    void stop() {
        stopping = true;
        try {
            awaitHandlers(STOP_GRACE);
            thread.join(STOP_GRACE.toMillis());
            if (thread.isAlive()) {
                log.warn("subscription '{}' still delivering after {}; interrupting it", name, STOP_GRACE);
                thread.interrupt();
                thread.join(STOP_GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
        }
    }

    /** Stops at once, as a killed process would: the delivery in progress is abandoned. */
    void halt() {
        stopping = true;
        thread.interrupt();
        handlers.forEach(Thread::interrupt);
        try {
            thread.join(STOP_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

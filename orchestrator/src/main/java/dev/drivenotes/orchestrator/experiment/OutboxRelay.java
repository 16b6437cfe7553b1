package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what an experiment's state changes put in its outbox: in order, each event waited for
 * until the bus accepted it (durably), then removed from the outbox in the store. A crash or a bus
 * failure in between leaves the events in the outbox; they go out on the experiment's next relay,
 * on a retry every {@code retryEvery} while this process runs, or on the next start ({@link
 * ExperimentService#resumeUnfinished}) — at least once, always under the same event ids, so
 * consumers deduplicate. One experiment's relays never overlap, which keeps its events in order.
 */
final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOCK_STRIPES = 64;

    private final ExperimentStore store;
    private final EventPublisher events;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retries;

    OutboxRelay(ExperimentStore store, EventPublisher events, Duration retryEvery) {
        this.store = store;
        this.events = events;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        this.retries = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("outbox-retry").daemon().factory());
        retries.scheduleWithFixedDelay(
                this::retryFailed, retryEvery.toMillis(), retryEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Publishes the experiment's outbox.
     *
     * @return true when the outbox is empty afterwards; false when the bus refused an event (logged;
     *     it stays in the outbox and is retried)
     */
    boolean relay(String id) {
        synchronized (locks[Math.floorMod(id.hashCode(), LOCK_STRIPES)]) {
            Optional<Experiment> experiment = store.find(id);
            if (experiment.isEmpty() || experiment.get().outbox().isEmpty()) {
                failed.remove(id);
                return true;
            }
            List<String> accepted = new ArrayList<>();
            try {
                for (EventEnvelope event : experiment.get().outbox()) {
                    awaitAccepted(events.publish(event));
                    accepted.add(event.eventId());
                }
                failed.remove(id);
                return true;
            } catch (RuntimeException e) {
                failed.add(id);
                log.error(
                        "experiment {}: {} event(s) not yet accepted by the bus, kept in its outbox for a retry: {}",
                        id,
                        experiment.get().outbox().size() - accepted.size(),
                        e.getMessage(),
                        e);
                return false;
            } finally {
                if (!accepted.isEmpty()) {
                    store.update(id, x -> x.published(accepted));
                }
            }
        }
    }

    private void retryFailed() {
        for (String id : List.copyOf(failed)) {
            try {
                relay(id);
            } catch (RuntimeException e) {
                log.error("experiment {}: outbox retry failed: {}", id, e.getMessage(), e);
            }
        }
    }

    /** Waits (bounded) for the bus to accept an event: an unconfirmed event is a failure, never "unknown". */
    private static void awaitAccepted(CompletableFuture<Void> published) {
        try {
            published.get(PUBLISH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("event publish failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("event publish not confirmed within " + PUBLISH_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}

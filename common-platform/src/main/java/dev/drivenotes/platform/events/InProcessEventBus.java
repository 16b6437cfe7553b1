package dev.drivenotes.platform.events;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventHandler;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.port.EventSubscriber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The local event bus, durable in a folder ({@code ${drivenotes.data-dir}/events}):
 *
 * <ul>
 *   <li>{@code log/}: every published event, appended and forced to the disk before {@link
 *       #publish}'s future completes (see {@link EventLog});
 *   <li>{@code offsets/}: per subscription, the next event it gets, persisted after its handler
 *       returned (or the event was dead-lettered);
 *   <li>{@code dead-letters/}: events a subscription gave up on after {@code maxAttempts}.
 * </ul>
 *
 * <p>A subscription gets every event published after it was first opened, in order, at least
 * once, on its own thread; after a restart (a crash included) it resumes from its offset, so an
 * event published before the crash is delivered after it. Handlers deduplicate by event id. A
 * handler that throws gets the event again after a growing back-off, up to {@code maxAttempts},
 * as a Pub/Sub subscription with a dead-letter topic would. Rolled-over log segments every
 * subscription consumed are deleted. One process at a time may open a folder (a file lock).
 */
public final class InProcessEventBus implements EventPublisher, EventSubscriber, SubscriptionStatuses, AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * How the bus delivers and stores.
     *
     * @param maxAttempts deliveries of one event to a subscription before it is dead-lettered
     * @param backoff wait after the first failed delivery; the n-th waits n times as long
     * @param segmentBytes a log segment rolls over beyond this size
     * @param fsync force every write to the disk (off only for tests that need no power-loss safety)
     */
    public record Settings(int maxAttempts, Duration backoff, long segmentBytes, boolean fsync) {

        public static final Settings DEFAULTS = new Settings(5, Duration.ofMillis(200), 8L << 20, true);

        public Settings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            if (backoff == null || backoff.isNegative()) {
                throw new IllegalArgumentException("backoff must be zero or positive");
            }
            if (segmentBytes < 1024) {
                throw new IllegalArgumentException("segmentBytes must be at least 1024");
            }
        }

        public Settings withDelivery(int maxAttempts, Duration backoff) {
            return new Settings(maxAttempts, backoff, segmentBytes, fsync);
        }
    }

    private final Path folder;
    private final Settings settings;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final EventLog events;
    private final SubscriptionOffsets offsets;
    private final DeadLetterLog deadLetters;
    private final Map<String, SubscriptionWorker> workers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private InProcessEventBus(Path folder, Settings settings) {
        this.folder = folder.toAbsolutePath().normalize();
        this.settings = settings;
        try {
            Files.createDirectories(this.folder);
            this.lockFile =
                    FileChannel.open(this.folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event folder " + this.folder, e);
        }
        this.lock = lock(lockFile, this.folder);
        try {
            this.events = EventLog.open(this.folder.resolve("log"), settings.segmentBytes(), settings.fsync());
            this.offsets = new SubscriptionOffsets(this.folder.resolve("offsets"), settings.fsync());
            this.deadLetters = new DeadLetterLog(this.folder.resolve("dead-letters"), settings.fsync());
        } catch (RuntimeException e) {
            release();
            throw e;
        }
        compact();
    }

    /** Opens the bus in {@code folder} with the default settings. */
    public static InProcessEventBus open(Path folder) {
        return open(folder, Settings.DEFAULTS);
    }

    public static InProcessEventBus open(Path folder, Settings settings) {
        return new InProcessEventBus(folder, settings);
    }

    private static FileLock lock(FileChannel channel, Path folder) {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel, e);
            throw new IllegalStateException("the event folder " + folder + " is already open in this process", e);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new UncheckedIOException("cannot lock the event folder " + folder, e);
        }
        if (lock == null) {
            IllegalStateException busy =
                    new IllegalStateException("the event folder " + folder + " is in use by another process");
            closeQuietly(channel, busy);
            throw busy;
        }
        return lock;
    }

    private static void closeQuietly(FileChannel channel, Exception cause) {
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Appends the event durably; the future completes when it is on the disk. */
    @Override
    public CompletableFuture<Void> publish(EventEnvelope event) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("event bus is closed"));
        }
        try {
            events.append(event);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Starts delivering to {@code handler} from the subscription's persisted offset; a subscription
     * opened for the first time starts at the end of the log.
     */
    @Override
    public Subscription subscribe(String subscriptionName, EventHandler handler) {
        return subscribe(subscriptionName, handler, 1);
    }

    /**
     * Like {@link #subscribe(String, EventHandler)}, handling up to {@code maxInFlight} events at once
     * (see {@link SubscriptionWorker}): no event is acknowledged before its handler returned.
     */
    @Override
    public synchronized Subscription subscribe(String subscriptionName, EventHandler handler, int maxInFlight) {
        if (subscriptionName == null || !NAME.matcher(subscriptionName).matches()) {
            throw new IllegalArgumentException(
                    "subscription name '" + subscriptionName + "' must match " + NAME.pattern());
        }
        if (closed) {
            throw new IllegalStateException("event bus is closed");
        }
        if (workers.containsKey(subscriptionName)) {
            throw new IllegalStateException("subscription '" + subscriptionName + "' already has a consumer");
        }
        long start = offsets.get(subscriptionName).orElseGet(() -> {
            long end = events.nextSeq();
            offsets.put(subscriptionName, end);
            return end;
        });
        SubscriptionWorker worker = new SubscriptionWorker(
                subscriptionName, handler, start, events, offsets, deadLetters, settings, this::compact, maxInFlight);
        workers.put(subscriptionName, worker);
        worker.start();
        return () -> {
            if (workers.remove(subscriptionName, worker)) {
                worker.stop();
            }
        };
    }

    private void compact() {
        long end = events.nextSeq();
        events.compact(offsets.min(end));
    }

    /** Every dead letter of every subscription, as persisted. */
    public List<DeadLetter> deadLetters() {
        return deadLetters.all();
    }

    /** Waits until every open subscription has handled what was published so far. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long end = events.nextSeq();
            if (workers.values().stream().allMatch(w -> w.idle(end))) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public List<SubscriptionStatus> subscriptionStatuses() {
        long end = events.nextSeq();
        return workers.values().stream()
                .map(w -> w.status(end))
                .sorted(Comparator.comparing(SubscriptionStatus::subscription))
                .toList();
    }

    /** How many log segment files are on the disk (compaction keeps it bounded). */
    int segmentCount() {
        return events.segmentCount();
    }

    public Path folder() {
        return folder;
    }

    /** Stops every subscription after its delivery in progress, then closes the files. */
    @Override
    public void close() {
        shutDown(SubscriptionWorker::stop);
    }

    /**
     * Stops as a killed process would: deliveries in progress are abandoned, nothing is flushed or
     * written (every write of the bus is already on the disk when its call returns), and the folder
     * can be opened again. Tests use it to crash a bus inside one JVM.
     */
    void halt() {
        shutDown(SubscriptionWorker::halt);
    }

    private synchronized void shutDown(Consumer<SubscriptionWorker> stopping) {
        if (closed) {
            return;
        }
        closed = true;
        workers.values().forEach(stopping);
        workers.clear();
        events.close();
        release();
    }

    private void release() {
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock the event folder " + folder, e);
        }
    }
}

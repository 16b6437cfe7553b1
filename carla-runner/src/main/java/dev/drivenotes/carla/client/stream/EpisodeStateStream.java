package dev.drivenotes.carla.client.stream;

import dev.drivenotes.carla.client.CarlaTimeoutException;
import dev.drivenotes.carla.client.protocol.StreamToken;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The episode state stream of one client: keeps the newest frame the server sent and lets the
 * simulation wait for the frame a tick produced (LibCarla's {@code SynchronizeFrame} waits the same
 * way for {@code frame <= state.frame}, client/detail/Simulator.cpp:49-66). Frames are copied, never
 * allocated, once the buffers have grown to the world's actor count.
 */
public final class EpisodeStateStream implements AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final EpisodeState latest = new EpisodeState();
    private final String endpoint;
    private final StreamConnection connection;
    private long latestFrame = -1;
    private long frames;

    /** @param open opens the stream connection with the sink this stream reads from */
    public EpisodeStateStream(String endpoint, Function<FrameSink, StreamConnection> open) {
        this.endpoint = endpoint;
        this.connection = open.apply(this::receive);
    }

    public static EpisodeStateStream open(String host, String endpoint, StreamToken token, Duration connectTimeout) {
        return new EpisodeStateStream(
                endpoint, sink -> new StreamConnection(host, token, connectTimeout, sink).start());
    }

    private void receive(byte[] message, int length) {
        lock.lock();
        try {
            if (latest.copyFrom(message, length)) {
                latestFrame = latest.frame();
                frames++;
                arrived.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a frame numbered {@code minFrame} or later has arrived, then copies the newest
     * frame into {@code into}.
     *
     * @throws CarlaTimeoutException when none arrives within {@code timeout}
     */
    public void await(long minFrame, Duration timeout, EpisodeState into) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (latestFrame < minFrame) {
                if (nanos <= 0) {
                    throw new CarlaTimeoutException("CARLA server " + endpoint + " sent no episode state for frame "
                            + minFrame + " within " + timeout.toMillis() + " ms (newest: "
                            + (latestFrame < 0 ? "none" : latestFrame) + ")");
                }
                nanos = arrived.awaitNanos(nanos);
            }
            into.copyFrom(latest);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarlaTimeoutException("interrupted while waiting for frame " + minFrame + " from " + endpoint);
        } finally {
            lock.unlock();
        }
    }

    /** The number of the newest frame received, or -1. */
    public long latestFrame() {
        lock.lock();
        try {
            return latestFrame;
        } finally {
            lock.unlock();
        }
    }

    /** Frames received so far. */
    public long frames() {
        lock.lock();
        try {
            return frames;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}

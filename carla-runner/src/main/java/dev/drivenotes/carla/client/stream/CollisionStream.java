package dev.drivenotes.carla.client.stream;

import dev.drivenotes.carla.client.CarlaConnectionException;
import dev.drivenotes.carla.client.protocol.StreamToken;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.msgpack.core.MessagePackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A collision sensor's stream: its events queue up until the simulation takes them after a tick. */
public final class CollisionStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CollisionStream.class);

    private final Queue<CollisionEvent> events = new ConcurrentLinkedQueue<>();
    private final StreamConnection connection;

    /** Subscribes, and waits (at most {@code connectTimeout}) until the subscription is in place. */
    public CollisionStream(String host, StreamToken token, Duration connectTimeout) {
        this.connection = new StreamConnection(host, token, connectTimeout, this::receive).start();
        if (!connection.awaitConnected(connectTimeout)) {
            connection.close();
            throw new CarlaConnectionException(
                    "cannot open collision stream " + Integer.toUnsignedString(token.streamId()) + " at " + host + ":"
                            + token.port() + " within " + connectTimeout.toMillis() + " ms",
                    null);
        }
    }

    private void receive(byte[] message, int length) {
        try {
            events.add(CollisionEvent.decode(message, length));
        } catch (MessagePackException e) {
            log.warn("collision stream {}: {}", Integer.toUnsignedString(connection.streamId()), e.getMessage());
        }
    }

    /**
     * Waits, at most {@code limit}, until every byte the server has delivered on this stream has been
     * read: the sensor's events of a frame are sent before the frame's episode state
     * (Sensor/CollisionSensor.cpp during the physics tick, the world observer after it), but on
     * another connection, so they may still be in flight when the frame has arrived.
     */
    public void settle(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!connection.idle() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Hands every event received so far to {@code into}, oldest first. */
    public void drain(Consumer<CollisionEvent> into) {
        for (CollisionEvent e = events.poll(); e != null; e = events.poll()) {
            into.accept(e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}

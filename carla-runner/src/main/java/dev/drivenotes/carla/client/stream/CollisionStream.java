package dev.drivenotes.carla.client.stream;

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

    public CollisionStream(String host, StreamToken token, Duration connectTimeout) {
        this.connection = new StreamConnection(host, token, connectTimeout, this::receive).start();
    }

    private void receive(byte[] message, int length) {
        try {
            events.add(CollisionEvent.decode(message, length));
        } catch (MessagePackException e) {
            log.warn("collision stream {}: {}", Integer.toUnsignedString(connection.streamId()), e.getMessage());
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

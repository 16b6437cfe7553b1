package dev.drivenotes.carla.client.stream;

import dev.drivenotes.carla.client.protocol.StreamToken;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription to a CARLA stream, as LibCarla's {@code streaming::detail::tcp::Client} makes it
 * (streaming/detail/tcp/Client.cpp):
 *
 * <ul>
 *   <li>connect to the token's address (the RPC host when the token names none) and port, with
 *       Nagle off (Client.cpp:109-111);
 *   <li>write the {@code uint32} stream id as memory, little endian on x86-64 (Client.cpp:113-118);
 *   <li>read messages forever: a {@code uint32} size, then that many bytes (Client.cpp:166-222;
 *       {@code message_size_type} is {@code uint32_t}, detail/Types.h:20); a size of 0 is an error
 *       (Client.cpp:198).
 * </ul>
 *
 * When the connection fails or the server closes it (a server session closes after 10 s without a
 * message, tcp/Server.cpp:23), the client connects again at once, and every second while connecting
 * fails (Client.cpp:131-164), until {@link #close}. Messages are read into one buffer that grows to
 * the largest message and is reused.
 */
public final class StreamConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);
    static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private final String host;
    private final int port;
    private final int streamId;
    private final Duration connectTimeout;
    private final FrameSink sink;
    private final Thread reader;
    private volatile boolean closed;
    private volatile Socket socket;
    private volatile int connections;
    private volatile InputStream input;
    private volatile boolean waiting;
    private final byte[] size = new byte[4];
    private byte[] buffer = new byte[64 * 1024];

    /**
     * @param fallbackHost the RPC host, used when the token names no address
     */
    public StreamConnection(String fallbackHost, StreamToken token, Duration connectTimeout, FrameSink sink) {
        if (token.protocol() != StreamToken.PROTOCOL_TCP) {
            throw new IllegalArgumentException("only TCP stream tokens are supported (Client.cpp:80-82), got " + token);
        }
        this.host = token.address().map(a -> a.getHostAddress()).orElse(fallbackHost);
        this.port = token.port();
        this.streamId = token.streamId();
        this.connectTimeout = connectTimeout;
        this.sink = sink;
        this.reader = Thread.ofPlatform()
                .daemon()
                .name("carla-stream-" + Integer.toUnsignedString(streamId))
                .unstarted(this::run);
    }

    public StreamConnection start() {
        reader.start();
        return this;
    }

    public int streamId() {
        return streamId;
    }

    /**
     * Waits until the stream id has been written on a connection: in synchronous mode the server
     * only sends a frame's message to sessions open at that tick, so a subscription must be in place
     * before the next tick.
     *
     * @return false when not connected within {@code timeout}
     */
    public boolean awaitConnected(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (connections == 0 && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return connections > 0;
    }

    /**
     * Whether every byte the server has delivered so far has been handed to the sink: the reader
     * waits for a new message and the socket holds nothing unread.
     */
    public boolean idle() {
        InputStream in = input;
        try {
            return waiting && (in == null || in.available() == 0);
        } catch (IOException e) {
            return true; // a broken socket delivers nothing more
        }
    }

    /** How many times the stream has connected (1 after the first connection). */
    public int connections() {
        return connections;
    }

    private void run() {
        while (!closed) {
            try (Socket s = new Socket()) {
                socket = s;
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
                OutputStream out = s.getOutputStream();
                out.write(littleEndian(streamId));
                out.flush();
                synchronized (this) {
                    connections++;
                    notifyAll();
                }
                input = s.getInputStream();
                read(new DataInputStream(input));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                log.debug(
                        "stream {} from {}:{}: {}; connecting again",
                        Integer.toUnsignedString(streamId),
                        host,
                        port,
                        e.toString());
                if (!(e instanceof EOFException) && !pause()) {
                    return;
                }
            }
        }
    }

    /**
     * Reads unbuffered, so that {@link #idle} can tell from the socket whether bytes are waiting: a
     * message is the 4-byte size (one read) and the body (one or a few reads).
     */
    private void read(DataInputStream in) throws IOException {
        while (!closed) {
            waiting = true;
            in.readFully(size);
            waiting = false;
            int size = (this.size[0] & 0xff)
                    | (this.size[1] & 0xff) << 8
                    | (this.size[2] & 0xff) << 16
                    | (this.size[3] & 0xff) << 24;
            if (size <= 0) {
                throw new IOException(
                        "message size " + Integer.toUnsignedString(size) + " (0 is an error, Client.cpp:198)");
            }
            if (size > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(size, buffer.length * 2));
            }
            in.readFully(buffer, 0, size);
            sink.accept(buffer, size);
        }
    }

    /** Waits before connecting again; false when closed meanwhile. */
    private boolean pause() {
        try {
            Thread.sleep(RECONNECT_DELAY);
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static byte[] littleEndian(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                log.debug("closing stream {}: {}", Integer.toUnsignedString(streamId), e.toString());
            }
        }
        reader.interrupt();
        try {
            reader.join(connectTimeout.toMillis() + RECONNECT_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.drivenotes.carla.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The streaming server: a session starts when a client has written a {@code uint32} stream id
 * (tcp/ServerSession.cpp:69-74); the server writes each message as a {@code uint32} size and the
 * bytes (tcp/Message.h:58-63). Ids and sizes are the x86-64 server's memory: little endian.
 */
final class FakeStreams implements AutoCloseable {

    private final ServerSocket listener;
    private final Map<Integer, List<Socket>> sessions = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private volatile boolean closed;

    FakeStreams(int port) throws IOException {
        listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("fake-carla-streams").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * A TCP token without an address, as the server's partially defined endpoint makes them
     * (streaming/detail/Token.h:22-45, 93-100): stream id, port, protocol 1, address type 0.
     */
    static byte[] token(int streamId, int port) {
        return ByteBuffer.allocate(24)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(streamId)
                .putShort((short) port)
                .put((byte) 1)
                .put((byte) 0)
                .array();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = listener.accept();
                Thread.ofVirtual().start(() -> open(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void open(Socket s) {
        try {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            byte[] id = in.readNBytes(4);
            if (id.length < 4) {
                s.close();
                return;
            }
            int streamId = ByteBuffer.wrap(id).order(ByteOrder.LITTLE_ENDIAN).getInt();
            sessions.computeIfAbsent(streamId, k -> new CopyOnWriteArrayList<>())
                    .add(s);
        } catch (IOException e) {
            closeQuietly(s);
        }
    }

    /** Whether a client has subscribed to the stream. */
    boolean subscribed(int streamId) {
        List<Socket> list = sessions.get(streamId);
        return list != null && !list.isEmpty();
    }

    /** Writes one message to every session of the stream; a session whose write fails is dropped. */
    void send(int streamId, byte[] message) {
        List<Socket> list = sessions.get(streamId);
        if (list == null) {
            return;
        }
        byte[] size = ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(message.length)
                .array();
        for (Socket s : list) {
            try {
                synchronized (s) {
                    OutputStream out = s.getOutputStream();
                    out.write(size);
                    out.write(message);
                    out.flush();
                }
            } catch (IOException e) {
                list.remove(s);
                closeQuietly(s);
            }
        }
    }

    /** Closes every session (the clients connect again). */
    void dropSessions() {
        sessions.values().forEach(list -> {
            list.forEach(FakeStreams::closeQuietly);
            list.clear();
        });
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already broken: nothing left to close
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        dropSessions();
    }
}

package dev.drivenotes.carla.client.rpc;

import dev.drivenotes.carla.client.CarlaEndpoint;
import dev.drivenotes.carla.client.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One loopback connection whose server side the test drives by hand: it reads exactly the bytes a
 * request should have and writes the bytes a reply should have.
 */
final class ScriptedServer implements AutoCloseable {

    private final ServerSocket listener;
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private Socket socket;

    ScriptedServer() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                accepted.add(listener.accept());
            } catch (IOException e) {
                // the test closed the listener before a client came
            }
        });
    }

    CarlaEndpoint endpoint(Duration callTimeout) {
        return new CarlaEndpoint("127.0.0.1", listener.getLocalPort(), Duration.ofSeconds(2), callTimeout);
    }

    private Socket socket() throws IOException {
        if (socket == null) {
            try {
                socket = accepted.poll(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (socket == null) {
                throw new IOException("no client connected");
            }
        }
        return socket;
    }

    /** Reads exactly {@code n} bytes sent by the client. */
    byte[] read(int n) throws IOException {
        socket().setSoTimeout(5000);
        InputStream in = socket().getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[n];
        int got = 0;
        while (got < n) {
            int r = in.read(buf, got, n - got);
            if (r < 0) {
                throw new IOException("client closed after " + got + " of " + n + " bytes");
            }
            got += r;
        }
        out.write(buf, 0, n);
        return out.toByteArray();
    }

    void write(byte[] bytes) throws IOException {
        OutputStream out = socket().getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** One request expected and one reply sent, on a thread of its own; {@link Exchange#join} rethrows a mismatch. */
    Exchange exchange(String request, String reply) {
        byte[] expected = Hex.bytes(request);
        byte[] answer = Hex.bytes(reply);
        Exchange exchange = new Exchange();
        exchange.thread = Thread.ofVirtual().start(() -> {
            try {
                String got = Hex.format(read(expected.length));
                if (!got.equals(Hex.format(expected))) {
                    exchange.failure = new AssertionError(
                            "request bytes\n got      " + got + "\n expected " + Hex.format(expected));
                    return;
                }
                write(answer);
            } catch (IOException e) {
                exchange.failure = new AssertionError(e);
            }
        });
        return exchange;
    }

    static final class Exchange {
        private Thread thread;
        private volatile AssertionError failure;

        void join() throws InterruptedException {
            thread.join();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Closes the connection from the server's side. */
    void drop() throws IOException {
        socket().close();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        listener.close();
    }
}

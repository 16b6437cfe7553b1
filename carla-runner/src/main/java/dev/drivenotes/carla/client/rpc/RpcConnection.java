package dev.drivenotes.carla.client.rpc;

import dev.drivenotes.carla.client.CarlaConnectionException;
import dev.drivenotes.carla.client.CarlaEndpoint;
import dev.drivenotes.carla.client.CarlaException;
import dev.drivenotes.carla.client.CarlaRpcException;
import dev.drivenotes.carla.client.CarlaTimeoutException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * One TCP connection to a CARLA server's RPC port, speaking rpclib 2.2.1_c5's msgpack-rpc:
 *
 * <ul>
 *   <li>A call is {@code [0, msgid, method, args]} (rpclib include/rpc/client.inl:26-33: a tuple of
 *       {@code uint8_t} request type 0, {@code int} index, name and argument tuple); the first msgid
 *       is 1 and each call takes the next ({@code ++call_idx_}, lib/rpc/client.cc:195-197).
 *   <li>CARLA's {@code rpc::Client} puts {@code rpc::Metadata} before the arguments of every call
 *       (carla/rpc/Client.h:31-39): {@code MSGPACK_DEFINE_ARRAY(_asynchronous_call)} (Metadata.h:40),
 *       so {@code [false]} for a call whose result is awaited ({@code MakeSync}) and {@code [true]}
 *       for one whose result the server may drop ({@code MakeAsync}).
 *   <li>A reply is {@code [1, msgid, error, result]} (rpclib lib/rpc/detail/response.cc:26-31,
 *       response.h:68-69), error nil on success. Replies are matched to calls by msgid
 *       (client.cc:76-94): the server runs calls on several threads (server_session.cc:62-63), so
 *       they may come back in any order.
 * </ul>
 *
 * <p>A reader thread reads every reply and completes its {@link PendingCall}; callers wait at most
 * the endpoint's call timeout, and a write that blocks longer than that closes the connection. A
 * closed socket, an unreadable reply or a reply that is not msgpack-rpc breaks the connection: every
 * call in flight and every later one fails with the reason.
 */
public final class RpcConnection implements AutoCloseable {

    /** Closes a connection whose write has blocked past the call timeout (a server that stopped reading). */
    private static final ScheduledExecutorService WRITE_WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "carla-rpc-write-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final CarlaEndpoint endpoint;
    private final Socket socket;
    private final MessagePacker packer;
    private final MessageUnpacker unpacker;
    private final Map<Integer, PendingCall<?>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger lastId = new AtomicInteger();
    private final Object writeLock = new Object();
    private final Thread reader;
    private volatile CarlaException broken;

    private RpcConnection(CarlaEndpoint endpoint, Socket socket) throws IOException {
        this.endpoint = endpoint;
        this.socket = socket;
        this.packer = MsgPack.packer(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        this.unpacker = MsgPack.unpacker(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.reader = Thread.ofPlatform()
                .daemon()
                .name("carla-rpc-reader-" + endpoint)
                .unstarted(this::readReplies);
    }

    /** Connects within the endpoint's connect timeout. */
    public static RpcConnection open(CarlaEndpoint endpoint) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int)
                    Math.min(Integer.MAX_VALUE, endpoint.connectTimeout().toMillis()));
            RpcConnection connection = new RpcConnection(endpoint, socket);
            connection.reader.start();
            return connection;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new CarlaConnectionException("cannot reach CARLA server " + endpoint + ": " + describe(e), e);
        }
    }

    /** Sends a call whose result will be awaited ({@code Metadata::MakeSync}). */
    public <T> PendingCall<T> send(String method, int argCount, Args args, ReplyReader<T> reply) {
        return write(method, false, argCount, args, reply);
    }

    /** Sends a call and waits for its result. */
    public <T> T call(String method, int argCount, Args args, ReplyReader<T> reply) {
        return send(method, argCount, args, reply).await();
    }

    /**
     * Sends a call whose result the server may drop ({@code Metadata::MakeAsync}, as LibCarla's
     * {@code AsyncCall} does); the server still answers (with a default result) and the answer is
     * read and discarded.
     */
    public void callAsync(String method, int argCount, Args args) {
        write(method, true, argCount, args, null);
    }

    private <T> PendingCall<T> write(String method, boolean async, int argCount, Args args, ReplyReader<T> reply) {
        CarlaException failure = broken;
        if (failure != null) {
            throw failure;
        }
        int id = lastId.incrementAndGet();
        PendingCall<T> call = reply == null ? null : new PendingCall<>(this, method, reply, id);
        if (call != null) {
            pending.put(id, call);
        }
        ScheduledFuture<?> watchdog = WRITE_WATCHDOG.schedule(
                () -> breakWith(timeout(method + " (write)")),
                endpoint.callTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            synchronized (writeLock) {
                packer.packArrayHeader(4);
                packer.packInt(0);
                packer.packInt(id);
                packer.packString(method);
                packer.packArrayHeader(1 + argCount);
                packer.packArrayHeader(1);
                packer.packBoolean(async);
                args.pack(packer);
                packer.flush();
            }
        } catch (IOException | MessagePackException e) {
            CarlaException lost = broken != null ? broken : lost("sending " + method, e);
            breakWith(lost);
            throw lost;
        } finally {
            watchdog.cancel(false);
        }
        if (broken != null && call != null) {
            // the connection broke while this call was being registered: it will never be answered
            call.fail(broken);
        }
        return call;
    }

    private void readReplies() {
        try {
            while (true) {
                int size = unpacker.unpackArrayHeader();
                int type = unpacker.unpackInt();
                if (size != 4 || type != 1) {
                    throw new ProtocolViolation("a message [" + type + ", ...] of " + size
                            + " elements where msgpack-rpc replies are [1, msgid, error, result]");
                }
                int id = (int) unpacker.unpackLong();
                String error = readError();
                PendingCall<?> call = pending.remove(id);
                if (call == null || error != null) {
                    unpacker.skipValue();
                    if (call != null) {
                        call.fail(new CarlaRpcException(endpoint.toString(), call.method(), error));
                    }
                    continue;
                }
                call.read(unpacker);
            }
        } catch (ProtocolViolation e) {
            breakWith(new CarlaConnectionException(
                    "CARLA server " + endpoint + " broke the msgpack-rpc protocol: " + e.getMessage(), e));
        } catch (MessageInsufficientBufferException e) {
            breakWith(lost("reading replies", new EOFException("end of stream")));
        } catch (MessagePackException e) {
            breakWith(new CarlaConnectionException(
                    "CARLA server " + endpoint + " sent a reply this client cannot read: " + describe(e), e));
        } catch (IOException e) {
            breakWith(lost("reading replies", e));
        }
    }

    /** rpclib's error field: nil, or (from rpclib's dispatcher) a string. */
    private String readError() throws IOException {
        MessageFormat format = unpacker.getNextFormat();
        if (format == MessageFormat.NIL) {
            unpacker.unpackNil();
            return null;
        }
        if (format.getValueType() == ValueType.STRING) {
            return unpacker.unpackString();
        }
        return unpacker.unpackValue().toJson();
    }

    private CarlaConnectionException lost(String doing, Exception e) {
        return new CarlaConnectionException(
                "connection to CARLA server " + endpoint + " lost while " + doing + ": " + describe(e), e);
    }

    private void breakWith(CarlaException reason) {
        synchronized (this) {
            if (broken == null) {
                broken = reason;
            }
        }
        closeQuietly(socket);
        for (PendingCall<?> call : pending.values()) {
            pending.remove(call.id());
            call.fail(broken);
        }
    }

    void forget(PendingCall<?> call) {
        pending.remove(call.id());
    }

    CarlaTimeoutException timeout(String method) {
        return new CarlaTimeoutException("CARLA server " + endpoint + " did not answer " + method + " within "
                + endpoint.callTimeout().toMillis() + " ms");
    }

    CarlaConnectionException interrupted(String method, InterruptedException e) {
        return new CarlaConnectionException("interrupted while waiting for " + method + " from " + endpoint, e);
    }

    String endpoint() {
        return endpoint.toString();
    }

    Duration callTimeout() {
        return endpoint.callTimeout();
    }

    /** Why the connection no longer works, or null while it does. */
    public CarlaException failure() {
        return broken;
    }

    @Override
    public void close() {
        breakWith(new CarlaConnectionException("connection to CARLA server " + endpoint + " closed", null));
        try {
            reader.join(Math.max(1, endpoint.callTimeout().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName()
                + (message == null ? "" : " " + message.lines().findFirst().orElse(""));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is best effort: the socket is abandoned either way
        }
    }

    /** A message that is valid msgpack but not a msgpack-rpc reply. */
    private static final class ProtocolViolation extends IOException {
        ProtocolViolation(String message) {
            super(message);
        }
    }
}

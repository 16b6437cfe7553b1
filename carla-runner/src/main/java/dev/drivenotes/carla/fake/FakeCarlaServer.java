package dev.drivenotes.carla.fake;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake CARLA 0.9.15 server on loopback: rpclib msgpack-rpc on an RPC port, the streaming server
 * on the port after it (CARLA's default layout), a {@link FakeWorld} behind both. As in CARLA,
 * calls are read in order but run on worker threads and answered as they finish
 * (rpclib server_session.cc:55-63), world changes run on one game thread (rpc/Server.h:101-125),
 * a call with asynchronous metadata is answered with a default-constructed result
 * (rpc/Server.h:114-117), and rpclib's own errors (an unknown function, a wrong argument count)
 * travel in the reply's error field (rpclib dispatcher.cc:28-85, 119-131).
 */
public final class FakeCarlaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeCarlaServer.class);

    private final FakeWorld world;
    private final ServerSocket listener;
    private final FakeStreams streams;
    private final FakeCalls calls;
    private final ExecutorService game = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("fake-carla-game").unstarted(r));
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FakeCarlaServer(FakeWorld world, ServerSocket listener, FakeStreams streams) {
        this.world = world;
        this.listener = listener;
        this.streams = streams;
        this.calls = new FakeCalls(world, streams.port());
        Thread.ofPlatform().daemon().name("fake-carla-rpc").start(this::accept);
    }

    /** Starts on a free RPC port P whose next port P + 1 is free for the streams. */
    public static FakeCarlaServer start(FakeWorld world) throws IOException {
        for (int attempt = 0; ; attempt++) {
            ServerSocket rpc = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            try {
                return new FakeCarlaServer(world, rpc, new FakeStreams(rpc.getLocalPort() + 1));
            } catch (BindException e) {
                rpc.close();
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public int streamPort() {
        return streams.port();
    }

    public FakeWorld world() {
        return world;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = listener.accept();
                s.setTcpNoDelay(true);
                connections.add(s);
                Thread.ofPlatform().daemon().name("fake-carla-session").start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (MessageUnpacker in = MsgPack.unpacker(new BufferedInputStream(s.getInputStream()))) {
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            while (!closed && in.hasNext()) {
                Value request = in.unpackValue();
                Thread.ofVirtual().start(() -> answer(request, s, out));
            }
        } catch (IOException e) {
            log.debug("fake CARLA session ended: {}", e.toString());
        } finally {
            connections.remove(s);
            closeQuietly(s);
        }
    }

    private void answer(Value request, Socket s, OutputStream out) {
        List<Value> r = request.asArrayValue().list();
        if (r.size() != 4 || r.get(0).asIntegerValue().toInt() != 0) {
            return; // a notification ([2, method, params]) has no reply
        }
        long msgid = r.get(1).asIntegerValue().toLong();
        String method = r.get(2).asStringValue().asString();
        List<Value> params = r.get(3).asArrayValue().list();
        world.called(method);
        try (MessageBufferPacker result = MsgPack.bufferPacker()) {
            String rpclibError = call(method, params, result);
            synchronized (out) {
                MessagePacker p = MsgPack.packer(out);
                p.packArrayHeader(4).packInt(1).packLong(msgid);
                if (rpclibError != null) {
                    p.packString(rpclibError).packNil();
                } else {
                    p.packNil().writePayload(result.toByteArray());
                }
                p.flush();
            }
        } catch (IOException e) {
            closeQuietly(s);
        }
        tickIfCued();
    }

    /** Runs a call into {@code result}; returns rpclib's error text instead when there is one. */
    private String call(String method, List<Value> params, MessagePacker result) throws IOException {
        FakeCalls.Function f = calls.get(method);
        if (f == null) {
            return "rpclib: server could not find function '" + method + "' with argument count " + params.size() + ".";
        }
        if (params.size() != f.argCount() + 1) {
            return "rpclib: Function '" + method + "' was called with an invalid number of arguments. Expected: "
                    + (f.argCount() + 1) + ", got: " + params.size();
        }
        Duration delay = world.delayOf(method);
        if (delay != null) {
            sleep(delay);
        }
        boolean async = params.getFirst().asArrayValue().get(0).asBooleanValue().getBoolean();
        String refusal = world.failureOf(method);
        List<Value> args = params.subList(1, params.size());
        try (MessageBufferPacker body = MsgPack.bufferPacker()) {
            if (refusal == null) {
                refusal = onGameThread(() -> {
                    synchronized (world) {
                        f.body().run(args, body);
                    }
                    return null;
                });
            }
            if (async) {
                refusal = "unknown error"; // a default-constructed result (rpc/Server.h:114-117, Response.h:48)
            }
            if (refusal == null) {
                switch (f.result()) {
                    case RESPONSE -> FakeWire.value(result);
                    case VOID -> FakeWire.voidSuccess(result);
                    case VECTOR -> {}
                }
                result.writePayload(body.toByteArray());
            } else {
                switch (f.result()) {
                    case RESPONSE -> FakeWire.error(result, refusal);
                    case VOID -> FakeWire.voidError(result, refusal);
                    case VECTOR -> {
                        if (!async) {
                            return "rpclib: function '" + method + "' (called with " + params.size()
                                    + " arg(s)) threw an exception. The exception contained this information: "
                                    + refusal + ".";
                        }
                        result.packArrayHeader(0);
                    }
                }
            }
        }
        return null;
    }

    /** Runs on the game thread; a {@link FakeCalls.Refused} comes back as its message. */
    private String onGameThread(GameTask task) throws IOException {
        Future<String> done;
        try {
            done = game.submit(() -> {
                try {
                    return task.run();
                } catch (FakeCalls.Refused e) {
                    return e.getMessage();
                }
            });
        } catch (RejectedExecutionException e) {
            // a call that arrives while the server closes goes unanswered, as with a real server going away
            throw new IOException("the fake CARLA server is closing", e);
        }
        try {
            return done.get();
        } catch (ExecutionException e) {
            return "internal error of the fake: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @FunctionalInterface
    private interface GameTask {
        String run() throws IOException;
    }

    /** Runs the ticks that tick_cue (or apply_batch with do_tick_cue) asked for, on the game thread. */
    private void tickIfCued() {
        if (closed) {
            return;
        }
        try {
            game.execute(this::runCuedTicks);
        } catch (RejectedExecutionException e) {
            log.debug("fake CARLA server closed before a cued tick: {}", e.toString());
        }
    }

    private void runCuedTicks() {
        try {
            while (world.pendingTicks > 0) {
                world.pendingTicks--;
                for (FakeWorld.Outgoing m : world.tick()) {
                    streams.send(m.streamId(), m.message());
                }
                if (world.crashNow()) {
                    close();
                } else if (world.dropNow()) {
                    dropConnections();
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("fake CARLA tick failed", e);
        }
    }

    /** Closes every client connection, RPC and streams; the server keeps listening. */
    public void dropConnections() {
        connections.forEach(FakeCarlaServer::closeQuietly);
        streams.dropSessions();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already broken: nothing left to close
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
            streams.close();
        } catch (IOException e) {
            log.debug("closing the fake CARLA server: {}", e.toString());
        }
        dropConnections();
        game.shutdown();
    }
}

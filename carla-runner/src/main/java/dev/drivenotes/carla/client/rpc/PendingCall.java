package dev.drivenotes.carla.client.rpc;

import dev.drivenotes.carla.client.CarlaException;
import dev.drivenotes.carla.client.CarlaRpcException;
import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.msgpack.core.MessageUnpacker;

/** A call sent and not yet answered: {@link #await} gives its result or throws why there is none. */
public final class PendingCall<T> {

    private final RpcConnection connection;
    private final String method;
    private final ReplyReader<T> reader;
    private final int id;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition answered = lock.newCondition();
    private boolean done;
    private T value;
    private CarlaException error;

    PendingCall(RpcConnection connection, String method, ReplyReader<T> reader, int id) {
        this.connection = connection;
        this.method = method;
        this.reader = reader;
        this.id = id;
    }

    public String method() {
        return method;
    }

    int id() {
        return id;
    }

    /** Waits, at most the connection's call timeout, for the reply. */
    public T await() {
        long nanos = connection.callTimeout().toNanos();
        lock.lock();
        try {
            while (!done) {
                if (nanos <= 0) {
                    connection.forget(this);
                    throw connection.timeout(method);
                }
                nanos = answered.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.forget(this);
            throw connection.interrupted(method, e);
        } finally {
            lock.unlock();
        }
        if (error != null) {
            throw error;
        }
        return value;
    }

    /** On the reader thread: reads the result; an error reply completes the call with the error. */
    void read(MessageUnpacker unpacker) throws IOException {
        try {
            finish(reader.read(unpacker), null);
        } catch (ServerErrorReply e) {
            finish(null, new CarlaRpcException(connection.endpoint(), method, e.getMessage()));
        }
    }

    void fail(CarlaException e) {
        finish(null, e);
    }

    private void finish(T result, CarlaException failure) {
        lock.lock();
        try {
            if (!done) {
                done = true;
                value = result;
                error = failure;
                answered.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}

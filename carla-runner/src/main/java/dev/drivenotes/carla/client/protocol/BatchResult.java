package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import java.util.Arrays;
import org.msgpack.core.MessageTypeException;
import org.msgpack.core.MessageUnpacker;

/**
 * The reply of {@code apply_batch}: a plain {@code std::vector<rpc::CommandResponse>}, not wrapped in
 * a {@code Response} (CarlaServer.cpp:2506-2520), where {@code CommandResponse} is {@code
 * Response<ActorId>} (rpc/CommandResponse.h:15): per command {@code [[1, actor_id]]}, or {@code [[0,
 * [message]]]} when it failed. A call sent with asynchronous metadata is answered with an empty
 * vector (rpc/Server.h:114-117 returns a default result). Reused across ticks; reading allocates only
 * for error messages.
 */
public final class BatchResult {

    private int size;
    private int[] actors = new int[8];
    private String[] errors = new String[8];

    public int size() {
        return size;
    }

    /** The actor a command acted on or spawned; meaningless when {@link #error} is set. */
    public int actor(int i) {
        return actors[i];
    }

    /** The server's message for command i, or null when it succeeded. */
    public String error(int i) {
        return errors[i];
    }

    public int failures() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (errors[i] != null) {
                n++;
            }
        }
        return n;
    }

    /** Reads one reply into this result (on the connection's reader thread). */
    public BatchResult read(MessageUnpacker u) throws IOException {
        int n = u.unpackArrayHeader();
        if (n > actors.length) {
            actors = Arrays.copyOf(actors, n);
            errors = Arrays.copyOf(errors, n);
        }
        for (int i = 0; i < n; i++) {
            MsgPack.expectArray(u, 1, "rpc::CommandResponse");
            MsgPack.expectArray(u, 2, "rpc::CommandResponse variant");
            long index = u.unpackLong();
            if (index == 1) {
                actors[i] = (int) u.unpackLong();
                errors[i] = null;
            } else if (index == 0) {
                MsgPack.expectArray(u, 1, "rpc::ResponseError");
                errors[i] = u.unpackString();
                actors[i] = 0;
            } else {
                throw new MessageTypeException("rpc::CommandResponse variant index " + index);
            }
        }
        Arrays.fill(errors, n, Math.max(n, size), null);
        size = n;
        return this;
    }
}

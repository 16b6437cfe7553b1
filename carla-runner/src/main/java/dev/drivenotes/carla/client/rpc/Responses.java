package dev.drivenotes.carla.client.rpc;

import java.io.IOException;
import org.msgpack.core.MessageTypeException;
import org.msgpack.core.MessageUnpacker;

/**
 * CARLA's {@code rpc::Response<T>} (carla/rpc/Response.h): every call of LibCarla's client is
 * answered with one. Its layout:
 *
 * <ul>
 *   <li>{@code Response<T>}: {@code MSGPACK_DEFINE_ARRAY(_data)} (Response.h:97) around a {@code
 *       boost::variant2::variant<ResponseError, T>} (Response.h:101), which MsgPackAdaptors.h:139-150
 *       packs as {@code [index, value]}: so {@code [[1, value]]} for a value and {@code [[0,
 *       [message]]]} for an error ({@code ResponseError} is {@code MSGPACK_DEFINE_ARRAY(_what)},
 *       Response.h:41).
 *   <li>{@code Response<void>}: {@code MSGPACK_DEFINE_ARRAY(_data)} (Response.h:138) around a {@code
 *       boost::optional<ResponseError>} (Response.h:146), packed by MsgPackAdaptors.h:53-69 as {@code
 *       [false]} when empty and {@code [true, error]} when set: so {@code [[false]]} for success and
 *       {@code [[true, [message]]]} for an error.
 * </ul>
 */
public final class Responses {

    /** {@code Response<void>}. */
    public static final ReplyReader<Boolean> VOID = u -> {
        MsgPack.expectArray(u, 1, "rpc::Response<void>");
        int size = u.unpackArrayHeader();
        boolean hasError = u.unpackBoolean();
        if (size == 1 && !hasError) {
            return Boolean.TRUE;
        }
        if (size == 2 && hasError) {
            throw new ServerErrorReply(readError(u));
        }
        throw new MessageTypeException("rpc::Response<void>: boost::optional of size " + size + " flag " + hasError);
    };

    private Responses() {}

    /** {@code Response<T>} whose value {@code value} reads. */
    public static <T> ReplyReader<T> of(ReplyReader<T> value) {
        return u -> {
            MsgPack.expectArray(u, 1, "rpc::Response");
            MsgPack.expectArray(u, 2, "rpc::Response variant");
            long index = u.unpackLong();
            if (index == 0) {
                throw new ServerErrorReply(readError(u));
            }
            if (index != 1) {
                throw new MessageTypeException("rpc::Response variant index " + index + ", expected 0 or 1");
            }
            return value.read(u);
        };
    }

    /** {@code rpc::ResponseError}: {@code [what]}. */
    static String readError(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 1, "rpc::ResponseError");
        return u.unpackString();
    }

    /** Reads a {@code Response<T>} whose value is an unsigned integer, without allocating. */
    public static long readUnsigned(MessageUnpacker u) throws IOException, ServerErrorReply {
        MsgPack.expectArray(u, 1, "rpc::Response");
        MsgPack.expectArray(u, 2, "rpc::Response variant");
        long index = u.unpackLong();
        if (index == 0) {
            throw new ServerErrorReply(readError(u));
        }
        if (index != 1) {
            throw new MessageTypeException("rpc::Response variant index " + index + ", expected 0 or 1");
        }
        return u.unpackLong();
    }
}

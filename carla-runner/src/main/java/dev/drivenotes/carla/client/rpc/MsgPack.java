package dev.drivenotes.carla.client.rpc;

import java.io.InputStream;
import java.io.OutputStream;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageTypeException;
import org.msgpack.core.MessageUnpacker;

/**
 * The one place the client makes msgpack-core packers and unpackers. msgpack-core's default buffers
 * read memory through {@code sun.misc.Unsafe}, which JDK 24+ reports with a warning on the console
 * the first time; its "universal" buffers use {@code ByteBuffer} instead, so they are switched on
 * (property {@code msgpack.universal-buffer}) before msgpack-core's buffer class is first loaded.
 */
public final class MsgPack {

    static {
        System.getProperties().putIfAbsent("msgpack.universal-buffer", "true");
    }

    private MsgPack() {}

    public static MessagePacker packer(OutputStream out) {
        return MessagePack.newDefaultPacker(out);
    }

    public static MessageBufferPacker bufferPacker() {
        return MessagePack.newDefaultBufferPacker();
    }

    public static MessageUnpacker unpacker(InputStream in) {
        return MessagePack.newDefaultUnpacker(in);
    }

    public static MessageUnpacker unpacker(byte[] bytes, int offset, int length) {
        return MessagePack.newDefaultUnpacker(bytes, offset, length);
    }

    /** Reads an array header and insists on its size; {@code what} names the CARLA type in the error. */
    public static void expectArray(MessageUnpacker u, int size, String what) throws java.io.IOException {
        int actual = u.unpackArrayHeader();
        if (actual != size) {
            throw new MessageTypeException(what + ": expected an array of " + size + ", got " + actual);
        }
    }

    /**
     * A {@code std::vector<unsigned char>} or {@code std::array<unsigned char, N>}: msgpack-c packs
     * both as bin and reads bin or str (rpclib's msgpack adaptor/cpp11/array_unsigned_char.hpp,
     * vector_unsigned_char.hpp).
     */
    public static byte[] unpackBytes(MessageUnpacker u) throws java.io.IOException {
        return switch (u.getNextFormat().getValueType()) {
            case BINARY -> u.readPayload(u.unpackBinaryHeader());
            case STRING -> u.readPayload(u.unpackRawStringHeader());
            default -> throw new MessageTypeException("expected bytes (bin), got " + u.getNextFormat());
        };
    }

    public static void packBytes(MessagePacker p, byte[] bytes) throws java.io.IOException {
        p.packBinaryHeader(bytes.length);
        p.writePayload(bytes);
    }
}

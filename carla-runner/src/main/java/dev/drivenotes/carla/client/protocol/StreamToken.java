package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::streaming::Token}: 24 bytes, {@code MSGPACK_DEFINE_ARRAY(data)} over a {@code
 * std::array<unsigned char, 24>} (streaming/Token.h:20-22), which msgpack-c packs as bin (rpclib's
 * adaptor/cpp11/array_unsigned_char.hpp): so {@code [bin(24)]} on the wire.
 *
 * <p>The 24 bytes are {@code streaming::detail::token_data} copied as memory ({@code #pragma pack(1)},
 * streaming/detail/Token.h:22-45; detail/Token.cpp:30-38), in the server's byte order (little endian
 * on the x86-64 servers CARLA ships):
 *
 * <pre>
 * offset 0  uint32 stream_id      (streaming/detail/Types.h:18)
 * offset 4  uint16 port           (host order; boost's endpoint port())
 * offset 6  uint8  protocol       0 not_set, 1 tcp, 2 udp
 * offset 7  uint8  address_type   0 not_set, 1 ip_v4, 2 ip_v6
 * offset 8  16 bytes address      v4: 4 bytes in network order, then zeros; v6: 16 bytes
 * </pre>
 *
 * The streaming server binds a port without an address (CarlaServer.cpp {@code
 * StreamingServer(StreamingPort)}), so its tokens usually carry no address; LibCarla's client then
 * connects to the RPC host (streaming/low_level/Client.h {@code Subscribe}: {@code if
 * (!token.has_address()) token.set_address(_fallback_address)}).
 */
public final class StreamToken {

    public static final int SIZE = 24;
    public static final int PROTOCOL_TCP = 1;
    static final int ADDRESS_V4 = 1;
    static final int ADDRESS_V6 = 2;

    private final byte[] bytes;

    public StreamToken(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a stream token has " + SIZE + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** A TCP token for {@code streamId} on {@code port}, without an address (as the server makes them). */
    public static StreamToken tcp(int streamId, int port) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(streamId).putShort((short) port).put((byte) PROTOCOL_TCP).put((byte) 0);
        return new StreamToken(b.array());
    }

    private ByteBuffer view() {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The stream id (uint32, as a Java int holding its bits). */
    public int streamId() {
        return view().getInt(0);
    }

    public int port() {
        return Short.toUnsignedInt(view().getShort(4));
    }

    public int protocol() {
        return Byte.toUnsignedInt(bytes[6]);
    }

    /** The server's address, when the token names one. */
    public Optional<InetAddress> address() {
        int type = Byte.toUnsignedInt(bytes[7]);
        try {
            return switch (type) {
                case ADDRESS_V4 -> Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 8, 12)));
                case ADDRESS_V6 -> Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 8, 24)));
                default -> Optional.empty();
            };
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a " + (type == ADDRESS_V4 ? 4 : 16) + "-byte address is always valid", e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(1);
        MsgPack.packBytes(p, bytes);
    }

    public static StreamToken unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 1, "streaming::Token");
        return new StreamToken(MsgPack.unpackBytes(u));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamToken t && Arrays.equals(bytes, t.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "StreamToken[stream " + Integer.toUnsignedString(streamId()) + ", port " + port() + "]";
    }
}

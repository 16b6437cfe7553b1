package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::rpc::ActorAttributeValue}, an attribute's value in a spawn request: {@code
 * MSGPACK_DEFINE_ARRAY(id, type, value)} (rpc/ActorAttribute.h:80-101).
 */
public record ActorAttributeValue(String id, ActorAttributeType type, String value) {

    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(3);
        p.packString(id);
        p.packInt(type.code());
        p.packString(value);
    }

    public static ActorAttributeValue unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 3, "rpc::ActorAttributeValue");
        return new ActorAttributeValue(u.unpackString(), ActorAttributeType.of(u.unpackInt()), u.unpackString());
    }
}

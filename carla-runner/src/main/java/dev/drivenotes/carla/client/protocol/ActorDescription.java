package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::rpc::ActorDescription}, what to spawn: {@code MSGPACK_DEFINE_ARRAY(uid, id,
 * attributes)} (rpc/ActorDescription.h:30-60).
 */
public record ActorDescription(int uid, String id, List<ActorAttributeValue> attributes) {

    public ActorDescription {
        attributes = List.copyOf(attributes);
    }

    public String attribute(String attributeId, String otherwise) {
        return attributes.stream()
                .filter(a -> a.id().equals(attributeId))
                .map(ActorAttributeValue::value)
                .findFirst()
                .orElse(otherwise);
    }

    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(3);
        p.packLong(Integer.toUnsignedLong(uid));
        p.packString(id);
        p.packArrayHeader(attributes.size());
        for (ActorAttributeValue a : attributes) {
            a.pack(p);
        }
    }

    public static ActorDescription unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 3, "rpc::ActorDescription");
        int uid = (int) u.unpackLong();
        String id = u.unpackString();
        int n = u.unpackArrayHeader();
        List<ActorAttributeValue> attributes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            attributes.add(ActorAttributeValue.unpack(u));
        }
        return new ActorDescription(uid, id, attributes);
    }
}

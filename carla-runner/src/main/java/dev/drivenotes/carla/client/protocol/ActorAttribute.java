package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::rpc::ActorAttribute}, an attribute of a blueprint: {@code
 * MSGPACK_DEFINE_ARRAY(id, type, value, recommended_values, is_modifiable, restrict_to_recommended)}
 * (rpc/ActorAttribute.h:31-41, 67).
 */
public record ActorAttribute(
        String id,
        ActorAttributeType type,
        String value,
        List<String> recommendedValues,
        boolean modifiable,
        boolean restrictToRecommended) {

    public ActorAttribute {
        recommendedValues = List.copyOf(recommendedValues);
    }

    /** The value to spawn with: what {@code ActorBlueprint::MakeActorDescription} sends. */
    public ActorAttributeValue withValue(String newValue) {
        return new ActorAttributeValue(id, type, newValue);
    }

    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(6);
        p.packString(id);
        p.packInt(type.code());
        p.packString(value);
        p.packArrayHeader(recommendedValues.size());
        for (String v : recommendedValues) {
            p.packString(v);
        }
        p.packBoolean(modifiable);
        p.packBoolean(restrictToRecommended);
    }

    public static ActorAttribute unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 6, "rpc::ActorAttribute");
        String id = u.unpackString();
        ActorAttributeType type = ActorAttributeType.of(u.unpackInt());
        String value = u.unpackString();
        int n = u.unpackArrayHeader();
        List<String> recommended = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            recommended.add(u.unpackString());
        }
        return new ActorAttribute(id, type, value, recommended, u.unpackBoolean(), u.unpackBoolean());
    }
}

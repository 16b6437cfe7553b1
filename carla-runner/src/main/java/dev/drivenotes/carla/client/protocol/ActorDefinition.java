package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::rpc::ActorDefinition}, a blueprint as {@code get_actor_definitions} lists it: {@code
 * MSGPACK_DEFINE_ARRAY(uid, id, tags, attributes)} (rpc/ActorDefinition.h:24-49). {@code uid} is the
 * server's index of the blueprint (1-based, ActorDispatcher.cpp {@code Bind}); a spawn request must
 * carry it.
 */
public record ActorDefinition(int uid, String id, String tags, List<ActorAttribute> attributes) {

    public ActorDefinition {
        attributes = List.copyOf(attributes);
    }

    public Optional<ActorAttribute> attribute(String attributeId) {
        return attributes.stream().filter(a -> a.id().equals(attributeId)).findFirst();
    }

    /**
     * The spawn description with every attribute at its value and the given overrides, as {@code
     * ActorBlueprint::MakeActorDescription} builds it; an override the blueprint does not declare is
     * ignored, as the Python API refuses to set it.
     */
    public ActorDescription describe(java.util.Map<String, String> overrides) {
        List<ActorAttributeValue> values = new ArrayList<>(attributes.size());
        for (ActorAttribute a : attributes) {
            values.add(a.withValue(overrides.getOrDefault(a.id(), a.value())));
        }
        return new ActorDescription(uid, id, values);
    }

    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(4);
        p.packLong(Integer.toUnsignedLong(uid));
        p.packString(id);
        p.packString(tags);
        p.packArrayHeader(attributes.size());
        for (ActorAttribute a : attributes) {
            a.pack(p);
        }
    }

    public static ActorDefinition unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 4, "rpc::ActorDefinition");
        int uid = (int) u.unpackLong();
        String id = u.unpackString();
        String tags = u.unpackString();
        int n = u.unpackArrayHeader();
        List<ActorAttribute> attributes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            attributes.add(ActorAttribute.unpack(u));
        }
        return new ActorDefinition(uid, id, tags, attributes);
    }
}

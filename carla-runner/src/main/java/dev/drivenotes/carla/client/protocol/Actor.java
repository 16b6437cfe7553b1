package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::rpc::Actor}, an actor as the server describes it (spawn replies, collision events):
 * {@code MSGPACK_DEFINE_ARRAY(id, parent_id, description, bounding_box, semantic_tags,
 * stream_token)} (rpc/Actor.h:25-54). {@code semantic_tags} ({@code std::vector<uint8_t>}) and
 * {@code stream_token} ({@code std::vector<unsigned char>}, 24 bytes for a sensor, empty otherwise)
 * are msgpack bin. An actor that is not registered with CARLA (a building hit by a vehicle) has id 0
 * and a description id {@code "static.<tag>"} (CarlaEpisode.cpp:267-291).
 */
public record Actor(
        int id,
        int parentId,
        ActorDescription description,
        BoundingBox boundingBox,
        byte[] semanticTags,
        byte[] streamToken) {

    public Actor {
        semanticTags = semanticTags.clone();
        streamToken = streamToken.clone();
    }

    /** The blueprint id, e.g. {@code vehicle.tesla.model3}. */
    public String typeId() {
        return description.id();
    }

    /** The sensor's stream, for a sensor ({@code rpc::Actor::HasAStream}, Actor.h:41-43). */
    public Optional<StreamToken> token() {
        return streamToken.length == StreamToken.SIZE ? Optional.of(new StreamToken(streamToken)) : Optional.empty();
    }

    @Override
    public byte[] semanticTags() {
        return semanticTags.clone();
    }

    @Override
    public byte[] streamToken() {
        return streamToken.clone();
    }

    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(6);
        p.packLong(Integer.toUnsignedLong(id));
        p.packLong(Integer.toUnsignedLong(parentId));
        description.pack(p);
        boundingBox.pack(p);
        MsgPack.packBytes(p, semanticTags);
        MsgPack.packBytes(p, streamToken);
    }

    public static Actor unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 6, "rpc::Actor");
        return new Actor(
                (int) u.unpackLong(),
                (int) u.unpackLong(),
                ActorDescription.unpack(u),
                BoundingBox.unpack(u),
                MsgPack.unpackBytes(u),
                MsgPack.unpackBytes(u));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actor a
                && id == a.id
                && parentId == a.parentId
                && description.equals(a.description)
                && boundingBox.equals(a.boundingBox)
                && Arrays.equals(semanticTags, a.semanticTags)
                && Arrays.equals(streamToken, a.streamToken);
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(id) + Arrays.hashCode(streamToken);
    }

    @Override
    public String toString() {
        return "Actor[" + id + " " + description.id() + (parentId == 0 ? "" : " on " + parentId) + "]";
    }
}

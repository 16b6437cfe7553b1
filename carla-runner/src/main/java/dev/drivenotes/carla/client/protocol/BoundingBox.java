package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::geom::BoundingBox}: {@code MSGPACK_DEFINE_ARRAY(location, extent, rotation)}
 * (geom/BoundingBox.h:144); {@code location} is the box centre relative to the actor, {@code extent}
 * its half sizes.
 */
public record BoundingBox(Vector3D location, Vector3D extent, Rotation rotation) {

    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(3);
        location.pack(p);
        extent.pack(p);
        rotation.pack(p);
    }

    public static BoundingBox unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 3, "geom::BoundingBox");
        return new BoundingBox(Vector3D.unpack(u), Vector3D.unpack(u), Rotation.unpack(u));
    }
}

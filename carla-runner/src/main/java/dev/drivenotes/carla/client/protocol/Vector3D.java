package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::geom::Vector3D} and {@code geom::Location} (which adds no fields): three {@code
 * float}s packed as {@code [x, y, z]} by the hand-written copy of {@code MSGPACK_DEFINE_ARRAY}
 * (geom/Vector3D.h:24-28, 187-201; geom/Location.h:22). Metres, in CARLA's left-handed frame.
 */
public record Vector3D(float x, float y, float z) {

    public static final Vector3D ZERO = new Vector3D(0, 0, 0);

    public void pack(MessagePacker p) throws IOException {
        pack(p, x, y, z);
    }

    public static void pack(MessagePacker p, float x, float y, float z) throws IOException {
        p.packArrayHeader(3);
        p.packFloat(x);
        p.packFloat(y);
        p.packFloat(z);
    }

    public static Vector3D unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 3, "geom::Vector3D");
        return new Vector3D(u.unpackFloat(), u.unpackFloat(), u.unpackFloat());
    }
}

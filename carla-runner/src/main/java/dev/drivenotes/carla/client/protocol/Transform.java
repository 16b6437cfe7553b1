package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/** {@code carla::geom::Transform}: {@code MSGPACK_DEFINE_ARRAY(location, rotation)} (geom/Transform.h:34). */
public record Transform(Vector3D location, Rotation rotation) {

    public static final Transform IDENTITY = new Transform(Vector3D.ZERO, Rotation.ZERO);

    public Transform {
        java.util.Objects.requireNonNull(location, "location");
        java.util.Objects.requireNonNull(rotation, "rotation");
    }

    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(2);
        location.pack(p);
        rotation.pack(p);
    }

    /** Packs a transform from its parts, without a record (the per-tick path). */
    public static void pack(MessagePacker p, float x, float y, float z, float pitchDeg, float yawDeg, float rollDeg)
            throws IOException {
        p.packArrayHeader(2);
        Vector3D.pack(p, x, y, z);
        Rotation.pack(p, pitchDeg, yawDeg, rollDeg);
    }

    public static Transform unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 2, "geom::Transform");
        return new Transform(Vector3D.unpack(u), Rotation.unpack(u));
    }
}

package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::geom::Rotation}: {@code float pitch, yaw, roll} in degrees, {@code
 * MSGPACK_DEFINE_ARRAY(pitch, yaw, roll)} (geom/Rotation.h:29-35). Yaw turns clockwise seen from
 * above, because CARLA's (Unreal's) frame is left-handed.
 */
public record Rotation(float pitchDeg, float yawDeg, float rollDeg) {

    public static final Rotation ZERO = new Rotation(0, 0, 0);

    public void pack(MessagePacker p) throws IOException {
        pack(p, pitchDeg, yawDeg, rollDeg);
    }

    public static void pack(MessagePacker p, float pitchDeg, float yawDeg, float rollDeg) throws IOException {
        p.packArrayHeader(3);
        p.packFloat(pitchDeg);
        p.packFloat(yawDeg);
        p.packFloat(rollDeg);
    }

    public static Rotation unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 3, "geom::Rotation");
        return new Rotation(u.unpackFloat(), u.unpackFloat(), u.unpackFloat());
    }
}

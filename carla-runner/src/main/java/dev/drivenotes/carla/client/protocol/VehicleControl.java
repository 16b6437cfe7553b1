package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::rpc::VehicleControl}: {@code float throttle, steer, brake; bool hand_brake, reverse,
 * manual_gear_shift; int32_t gear}, {@code MSGPACK_DEFINE_ARRAY} in that order
 * (rpc/VehicleControl.h:41-47, 89-96). Steer is in [-1, 1], positive to the right.
 */
public record VehicleControl(
        float throttle,
        float steer,
        float brake,
        boolean handBrake,
        boolean reverse,
        boolean manualGearShift,
        int gear) {

    public void pack(MessagePacker p) throws IOException {
        pack(p, throttle, steer, brake, handBrake, reverse, manualGearShift, gear);
    }

    public static void pack(
            MessagePacker p,
            float throttle,
            float steer,
            float brake,
            boolean handBrake,
            boolean reverse,
            boolean manualGearShift,
            int gear)
            throws IOException {
        p.packArrayHeader(7);
        p.packFloat(throttle);
        p.packFloat(steer);
        p.packFloat(brake);
        p.packBoolean(handBrake);
        p.packBoolean(reverse);
        p.packBoolean(manualGearShift);
        p.packInt(gear);
    }

    public static VehicleControl unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 7, "rpc::VehicleControl");
        return new VehicleControl(
                u.unpackFloat(),
                u.unpackFloat(),
                u.unpackFloat(),
                u.unpackBoolean(),
                u.unpackBoolean(),
                u.unpackBoolean(),
                u.unpackInt());
    }
}

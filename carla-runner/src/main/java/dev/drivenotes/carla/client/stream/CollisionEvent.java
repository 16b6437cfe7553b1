package dev.drivenotes.carla.client.stream;

import dev.drivenotes.carla.client.protocol.Actor;
import dev.drivenotes.carla.client.protocol.Vector3D;
import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import org.msgpack.core.MessageTypeException;
import org.msgpack.core.MessageUnpacker;

/**
 * One message of a collision sensor ({@code sensor.other.collision}): a {@link SensorHeader} with
 * sensor type 0, then {@code CollisionEventSerializer::Data} packed by {@code MsgPack::Pack}
 * (sensor/s11n/CollisionEventSerializer.h:27-50): {@code MSGPACK_DEFINE_ARRAY(self_actor,
 * other_actor, normal_impulse)}, two {@code rpc::Actor}s and a {@code geom::Vector3D} (N·s). The
 * sensor sends one event per frame per pair of actors in contact (Sensor/CollisionSensor.cpp:66-83).
 *
 * @param frame the frame of the contact
 * @param self the actor the sensor is attached to
 * @param other what it hit: a registered actor (its blueprint id says vehicle.*, walker.*, ...) or
 *     an unregistered one (id 0, {@code static.<tag>})
 */
public record CollisionEvent(long frame, double timestampS, Actor self, Actor other, Vector3D normalImpulse) {

    /** Decodes one message of a collision sensor's stream. */
    public static CollisionEvent decode(byte[] message, int length) {
        if (length < SensorHeader.SIZE || SensorHeader.sensorType(message) != SensorHeader.COLLISION_SENSOR) {
            throw new MessageTypeException("not a collision event: " + length + " bytes of sensor type "
                    + (length < SensorHeader.SIZE ? "?" : SensorHeader.sensorType(message)));
        }
        try (MessageUnpacker u = MsgPack.unpacker(message, SensorHeader.SIZE, length - SensorHeader.SIZE)) {
            MsgPack.expectArray(u, 3, "CollisionEventSerializer::Data");
            return new CollisionEvent(
                    SensorHeader.frame(message),
                    SensorHeader.timestampS(message),
                    Actor.unpack(u),
                    Actor.unpack(u),
                    Vector3D.unpack(u));
        } catch (IOException e) {
            throw new MessageTypeException("unreadable collision event: " + e.getMessage(), e);
        }
    }
}

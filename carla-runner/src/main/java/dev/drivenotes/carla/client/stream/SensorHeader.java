package dev.drivenotes.carla.client.stream;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The header in front of every sensor message: {@code SensorHeaderSerializer::Header}, packed
 * (sensor/s11n/SensorHeaderSerializer.h:20-27), 48 bytes (static_assert in
 * SensorHeaderSerializer.cpp:15-17), copied as memory, so little endian on x86-64:
 *
 * <pre>
 * offset 0   uint64 sensor_type   index in SensorRegistry (sensor/SensorRegistry.h): 0 collision, 16 world observer
 * offset 8   uint64 frame
 * offset 16  double timestamp     simulated seconds since the episode started
 * offset 24  rpc::Transform       6 floats: x, y, z, pitch, yaw, roll of the sensor
 * </pre>
 */
public final class SensorHeader {

    public static final int SIZE = 48;
    /** {@code ACollisionSensor}, first in {@code SensorRegistry} (SensorRegistry.h). */
    public static final int COLLISION_SENSOR = 0;
    /** {@code FWorldObserver}, seventeenth in {@code SensorRegistry} (SensorRegistry.h): the episode state. */
    public static final int WORLD_OBSERVER = 16;

    private SensorHeader() {}

    static ByteBuffer view(byte[] message, int length) {
        return ByteBuffer.wrap(message, 0, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    public static long sensorType(byte[] message) {
        return view(message, SIZE).getLong(0);
    }

    public static long frame(byte[] message) {
        return view(message, SIZE).getLong(8);
    }

    public static double timestampS(byte[] message) {
        return view(message, SIZE).getDouble(16);
    }
}

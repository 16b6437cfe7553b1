package dev.drivenotes.carla.client.stream;

import dev.drivenotes.carla.client.protocol.ActorState;
import dev.drivenotes.carla.client.protocol.TrafficLightState;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One message of the episode state stream, decoded in place: a copy of its bytes and accessors that
 * read fields at their offsets, so reading a frame allocates nothing. The message is a {@link
 * SensorHeader} (sensor type 16) followed by what {@code FWorldObserver_Serialize} writes
 * (Unreal/.../Sensor/WorldObserver.cpp:268-365): the episode header, then one record per actor.
 *
 * <p>Episode header, {@code EpisodeStateSerializer::Header} (sensor/s11n/EpisodeStateSerializer.h:36-43),
 * packed, 36 bytes, at offset 48:
 *
 * <pre>
 * +0  uint64 episode_id
 * +8  double platform_timestamp
 * +16 float  delta_seconds
 * +20 int32  map_origin x, y, z   (geom/Vector3DInt.h:24-28, metres)
 * +32 SimulationState             an unscoped enum (int, 4 bytes): 1 MapChange, 2 PendingLightUpdate
 * </pre>
 *
 * Actor record, {@code ActorDynamicState} (sensor/data/ActorDynamicState.h:121-146), packed, 119
 * bytes (static_assert at :148-153):
 *
 * <pre>
 * +0  uint32 id            +4  uint8 actor_state (rpc::ActorState)
 * +5  Transform: float x, y, z, pitch, yaw, roll (metres, degrees)
 * +29 velocity (m/s)       +41 angular_velocity (deg/s)       +53 acceleration (m/s²): 3 floats each
 * +65 the type-dependent union, 54 bytes (its largest member, TrafficLightData):
 *     vehicle: PackedVehicleControl (float throttle, steer, brake; bool hand_brake, reverse,
 *              manual_gear_shift; int32 gear) at +65, float speed_limit +84, uint8
 *              traffic_light_state +88, bool has_traffic_light +89, uint32 traffic_light_id +90,
 *              uint8 failure_state +94 (ActorDynamicState.h:27-68)
 *     traffic light: char sign_id[32] +65, float green, yellow, red, elapsed time +97..+112,
 *              uint32 pole_index +113, bool time_is_frozen +117, uint8 state +118 (:97-108)
 * </pre>
 *
 * Everything is copied as memory, so little endian on the x86-64 servers CARLA ships.
 */
public final class EpisodeState {

    public static final int EPISODE_HEADER = 36;
    public static final int ACTORS_OFFSET = SensorHeader.SIZE + EPISODE_HEADER;
    public static final int ACTOR_SIZE = 119;
    static final int VEHICLE_CONTROL = 65;
    static final int TRAFFIC_LIGHT_STATE = 118;

    private byte[] bytes = new byte[ACTORS_OFFSET + 64 * ACTOR_SIZE];
    private ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    private int length;
    private int cachedIndex = -1;

    /** Copies a message into this frame; false (and nothing copied) when it is not an episode state. */
    public boolean copyFrom(byte[] message, int messageLength) {
        if (messageLength < ACTORS_OFFSET
                || (messageLength - ACTORS_OFFSET) % ACTOR_SIZE != 0
                || SensorHeader.sensorType(message) != SensorHeader.WORLD_OBSERVER) {
            return false;
        }
        if (messageLength > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(messageLength, bytes.length * 2));
            view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        System.arraycopy(message, 0, bytes, 0, messageLength);
        length = messageLength;
        return true;
    }

    /** Copies another frame into this one. */
    public void copyFrom(EpisodeState other) {
        copyFrom(other.bytes, other.length);
    }

    public boolean empty() {
        return length == 0;
    }

    public long frame() {
        return view.getLong(8);
    }

    public double timestampS() {
        return view.getDouble(16);
    }

    public long episodeId() {
        return view.getLong(SensorHeader.SIZE);
    }

    public float deltaSeconds() {
        return view.getFloat(SensorHeader.SIZE + 16);
    }

    /** The large-map origin in metres; 0 on ordinary maps. */
    public int mapOriginX() {
        return view.getInt(SensorHeader.SIZE + 20);
    }

    public int mapOriginY() {
        return view.getInt(SensorHeader.SIZE + 24);
    }

    public int simulationState() {
        return view.getInt(SensorHeader.SIZE + 32);
    }

    public int actorCount() {
        return length < ACTORS_OFFSET ? 0 : (length - ACTORS_OFFSET) / ACTOR_SIZE;
    }

    private int at(int i, int field) {
        return ACTORS_OFFSET + i * ACTOR_SIZE + field;
    }

    public int actorId(int i) {
        return view.getInt(at(i, 0));
    }

    public ActorState actorState(int i) {
        return ActorState.of(Byte.toUnsignedInt(view.get(at(i, 4))));
    }

    public float x(int i) {
        return view.getFloat(at(i, 5));
    }

    public float y(int i) {
        return view.getFloat(at(i, 9));
    }

    public float z(int i) {
        return view.getFloat(at(i, 13));
    }

    public float pitchDeg(int i) {
        return view.getFloat(at(i, 17));
    }

    public float yawDeg(int i) {
        return view.getFloat(at(i, 21));
    }

    public float rollDeg(int i) {
        return view.getFloat(at(i, 25));
    }

    public float velocityX(int i) {
        return view.getFloat(at(i, 29));
    }

    public float velocityY(int i) {
        return view.getFloat(at(i, 33));
    }

    public float velocityZ(int i) {
        return view.getFloat(at(i, 37));
    }

    public float angularVelocityZDegps(int i) {
        return view.getFloat(at(i, 49));
    }

    /** The applied throttle, for a vehicle. */
    public float throttle(int i) {
        return view.getFloat(at(i, VEHICLE_CONTROL));
    }

    /** The applied steer, for a vehicle. */
    public float steer(int i) {
        return view.getFloat(at(i, VEHICLE_CONTROL + 4));
    }

    /** The applied brake, for a vehicle. */
    public float brake(int i) {
        return view.getFloat(at(i, VEHICLE_CONTROL + 8));
    }

    /** The light's state, for a traffic light actor. */
    public TrafficLightState trafficLightState(int i) {
        return TrafficLightState.of(Byte.toUnsignedInt(view.get(at(i, TRAFFIC_LIGHT_STATE))));
    }

    /** The index of actor {@code id} in this frame, or -1; checks the last answer's index first. */
    public int indexOf(int id) {
        int n = actorCount();
        if (cachedIndex >= 0 && cachedIndex < n && actorId(cachedIndex) == id) {
            return cachedIndex;
        }
        for (int i = 0; i < n; i++) {
            if (actorId(i) == id) {
                cachedIndex = i;
                return i;
            }
        }
        return -1;
    }
}

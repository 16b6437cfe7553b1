package dev.drivenotes.carla.fake;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.msgpack.core.MessageBufferPacker;

/**
 * The fake server's world, a script a test writes and reads back: one map, episode settings, a
 * frame counter, actors (a spectator and two traffic lights of its own, and what clients spawn),
 * and failures to inject. Its state changes only on the server's game thread, as CARLA runs its
 * synchronous calls there (rpc/Server.h:101-125); the inspection methods are safe from any thread.
 *
 * <p>A tick (in synchronous mode, one per {@code tick_cue}) moves the vehicles with physics,
 * reports contacts to collision sensors, and broadcasts the episode state to stream 1.
 */
public final class FakeWorld {

    /** Ids below this are the world's own actors, never a client's. */
    static final int FIRST_SPAWNED_ID = 100;

    static final int EPISODE_STREAM = 1;

    final String mapName;
    final String openDrive;
    final Map<Integer, FakeActor> actors = new LinkedHashMap<>();
    volatile String version = "0.9.15";
    volatile FakeSettings settings = FakeSettings.DEFAULT;
    volatile long frame;
    volatile long episodeId = 1;
    volatile double elapsedS;
    int nextActorId = FIRST_SPAWNED_ID;
    int nextStreamId = EPISODE_STREAM + 1;
    int pendingTicks;
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<Long, String> staticHits = new ConcurrentHashMap<>();
    /** Appended on every call (a copy-on-write list would copy it all each time: quadratic in a benchmark). */
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private final List<Long> framesWithoutState = new CopyOnWriteArrayList<>();
    private volatile long dropAtFrame = -1;
    private volatile long crashAtFrame = -1;

    /**
     * @param mapName the map's name as {@code get_map_info} gives it, e.g. {@code Carla/Maps/Town01}
     * @param openDrive the map's OpenDRIVE text, {@code get_map_data}'s answer
     */
    public FakeWorld(String mapName, String openDrive) {
        this.mapName = mapName;
        this.openDrive = openDrive;
        actors.put(1, worldActor(1, "spectator", new float[] {0, 0, 50, -90, 0, 0}));
        actors.put(2, worldActor(2, "traffic.traffic_light", new float[] {20, 30, 0, 0, 90, 0}));
        actors.put(3, worldActor(3, "traffic.traffic_light", new float[] {-20, 30, 0, 0, -90, 0}));
    }

    private static FakeActor worldActor(int id, String typeId, float[] transform) {
        return new FakeActor(id, 0, 0, typeId, List.of(), new float[6], new byte[0], 0, 0, transform);
    }

    // ---- the script ----

    /** What {@code version} answers (default {@code 0.9.15}). */
    public FakeWorld version(String serverVersion) {
        this.version = serverVersion;
        return this;
    }

    /** Answers every later call of {@code method} with CARLA's {@code ResponseError} {@code message}. */
    public FakeWorld failCall(String method, String message) {
        failures.put(method, message);
        return this;
    }

    /** Answers every later call of {@code method} only after {@code delay}. */
    public FakeWorld delayCall(String method, Duration delay) {
        delays.put(method, delay);
        return this;
    }

    /** Drops every client connection (RPC and streams) when a tick reaches {@code tickFrame}; the server stays up. */
    public FakeWorld dropConnectionsAtFrame(long tickFrame) {
        this.dropAtFrame = tickFrame;
        return this;
    }

    /** Stops the server (listeners and connections) when a tick reaches {@code tickFrame}, as a crash would. */
    public FakeWorld crashAtFrame(long tickFrame) {
        this.crashAtFrame = tickFrame;
        return this;
    }

    /** Makes the ego's collision sensor report a hit of an unregistered actor ({@code static.building}) on a frame. */
    public FakeWorld hitStaticAtFrame(long tickFrame, String typeId) {
        staticHits.put(tickFrame, typeId);
        return this;
    }

    /** Skips the episode state broadcast of a frame (a stalled stream). */
    public FakeWorld withholdStateOfFrame(long tickFrame) {
        framesWithoutState.add(tickFrame);
        return this;
    }

    // ---- reading it back ----

    /** The ids of the actors clients spawned and have not destroyed. */
    public synchronized List<Integer> spawnedActors() {
        return actors.keySet().stream().filter(id -> id >= FIRST_SPAWNED_ID).toList();
    }

    /** Blueprint ids of the spawned actors. */
    public synchronized List<String> spawnedTypes() {
        return actors.values().stream()
                .filter(a -> a.id() >= FIRST_SPAWNED_ID)
                .map(FakeActor::typeId)
                .toList();
    }

    /** An actor's transform in CARLA's frame: x, y, z, pitch, yaw, roll; null when there is no such actor. */
    public synchronized float[] transformOf(int actorId) {
        FakeActor a = actors.get(actorId);
        return a == null ? null : a.transform.clone();
    }

    /** Whether an actor has physics on (vehicles placed by transforms have it off). */
    public synchronized boolean physicsOf(int actorId) {
        FakeActor a = actors.get(actorId);
        return a != null && a.physics;
    }

    /** The value a spawned actor was given for an attribute, "" when none. */
    public synchronized String attributeOf(int actorId, String attribute) {
        FakeActor a = actors.get(actorId);
        return a == null ? "" : a.attribute(attribute);
    }

    public FakeSettings settings() {
        return settings;
    }

    public long frame() {
        return frame;
    }

    /** Every method called so far, in order of arrival. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    void called(String method) {
        calls.add(method);
    }

    String failureOf(String method) {
        return failures.get(method);
    }

    Duration delayOf(String method) {
        return delays.get(method);
    }

    boolean dropNow() {
        return frame == dropAtFrame;
    }

    boolean crashNow() {
        return frame == crashAtFrame;
    }

    // ---- ticking (game thread) ----

    /** One tick: physics, collision sensors, the episode state; returns the messages to stream. */
    synchronized List<Outgoing> tick() throws IOException {
        double dt = settings.fixedDeltaSeconds() == null ? 0.05 : settings.fixedDeltaSeconds();
        frame++;
        elapsedS += dt;
        for (FakeActor a : actors.values()) {
            if (a.vehicle() && a.physics) {
                a.drive(dt);
            }
        }
        List<Outgoing> out = new ArrayList<>();
        for (FakeActor sensor : actors.values()) {
            if (sensor.typeId().equals("sensor.other.collision") && actors.containsKey(sensor.parentId())) {
                FakeActor self = actors.get(sensor.parentId());
                for (FakeActor other : actors.values()) {
                    if (other != self
                            && (other.vehicle() || other.typeId().startsWith("walker."))
                            && self.touches(other)) {
                        out.add(new Outgoing(sensor.streamId(), collision(sensor, self, other)));
                    }
                }
                String hit = staticHits.get(frame);
                if (hit != null) {
                    FakeActor building =
                            new FakeActor(0, 0, 0, hit, List.of(), new float[6], new byte[] {3}, 0, 0, new float[6]);
                    out.add(new Outgoing(sensor.streamId(), collision(sensor, self, building)));
                }
            }
        }
        if (!framesWithoutState.contains(frame)) {
            out.add(new Outgoing(EPISODE_STREAM, episodeState(dt)));
        }
        return out;
    }

    record Outgoing(int streamId, byte[] message) {}

    /** SensorHeaderSerializer::Header (SensorHeaderSerializer.h:20-27): 48 bytes, little endian. */
    private ByteBuffer header(ByteBuffer b, int sensorType, float[] transform) {
        b.putLong(sensorType).putLong(frame).putDouble(elapsedS);
        for (float f : transform) {
            b.putFloat(f);
        }
        return b;
    }

    /** What FWorldObserver_Serialize writes (WorldObserver.cpp:268-365), behind the header. */
    private byte[] episodeState(double dt) {
        ByteBuffer b = ByteBuffer.allocate(48 + 36 + 119 * actors.size()).order(ByteOrder.LITTLE_ENDIAN);
        header(b, 16, new float[6]);
        b.putLong(episodeId).putDouble(System.nanoTime() / 1e9).putFloat((float) dt);
        b.putInt(0).putInt(0).putInt(0).putInt(0);
        for (FakeActor a : actors.values()) {
            int start = b.position();
            b.putInt(a.id()).put((byte) 1);
            for (float f : a.transform) {
                b.putFloat(f);
            }
            b.putFloat(a.velocity[0]).putFloat(a.velocity[1]).putFloat(a.velocity[2]);
            b.position(b.position() + 24); // angular velocity and acceleration: 0
            if (a.vehicle()) {
                b.putFloat(a.throttle)
                        .putFloat(a.steer)
                        .putFloat(a.brake)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0);
                b.putInt(0).putFloat(30).put((byte) 2).put((byte) 0).putInt(0).put((byte) 0);
            } else if (a.typeId().startsWith("traffic.traffic_light")) {
                byte[] sign = Integer.toString(1000 + a.id()).getBytes(StandardCharsets.US_ASCII);
                b.put(sign).position(b.position() + 32 - sign.length);
                b.putFloat(10)
                        .putFloat(3)
                        .putFloat(2)
                        .putFloat((float) (elapsedS % 15))
                        .putInt(0)
                        .put((byte) 0);
                b.put((byte) ((frame / 100) % 3));
            }
            b.position(start + 119);
        }
        return b.array();
    }

    /** A collision message: header (sensor type 0), then [self, other, impulse] (CollisionEventSerializer.h:27-50). */
    private byte[] collision(FakeActor sensor, FakeActor self, FakeActor other) throws IOException {
        try (MessageBufferPacker p = MsgPack.bufferPacker()) {
            p.packArrayHeader(3);
            FakeWire.actor(p, self);
            FakeWire.actor(p, other);
            p.packArrayHeader(3).packFloat(100).packFloat(0).packFloat(0);
            byte[] body = p.toByteArray();
            ByteBuffer b = ByteBuffer.allocate(48 + body.length).order(ByteOrder.LITTLE_ENDIAN);
            header(b, 0, sensor.transform).put(body);
            return b.array();
        }
    }
}

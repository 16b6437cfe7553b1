package dev.drivenotes.carla.client.protocol;

import java.io.IOException;
import java.util.Arrays;
import org.msgpack.core.MessagePacker;

/**
 * The {@code std::vector<rpc::Command>} of an {@code apply_batch} call, filled again every tick
 * without allocating once its arrays have grown to the batch's size.
 *
 * <p>{@code rpc::Command} is {@code MSGPACK_DEFINE_ARRAY(command)} (rpc/Command.h:308-310) around a
 * {@code boost::variant2::variant} (Command.h:284-306) packed as {@code [index, value]}
 * (MsgPackAdaptors.h:139-150): a command is {@code [[index, [fields...]]]}. The kinds used here and
 * their variant indices:
 *
 * <pre>
 * 0  SpawnActor          [description, transform, optional&lt;ActorId&gt; parent, do_after]  Command.h:53-66
 * 1  DestroyActor        [actor]                                                   Command.h:69-75
 * 2  ApplyVehicleControl [actor, control]                                          Command.h:77-85
 * 6  ApplyTransform      [actor, transform]                                        Command.h:117-125
 * 14 SetSimulatePhysics  [actor, enabled]                                          Command.h:206-214
 * </pre>
 *
 * A spawn may carry {@code SetSimulatePhysics(false)} in {@code do_after}; the server puts the new
 * actor's id into it before running it (CarlaServer.cpp:2465-2475), so its actor field is sent as 0.
 */
public final class CommandBatch {

    public static final int SPAWN_ACTOR = 0;
    public static final int DESTROY_ACTOR = 1;
    public static final int APPLY_VEHICLE_CONTROL = 2;
    public static final int APPLY_TRANSFORM = 6;
    public static final int SET_SIMULATE_PHYSICS = 14;

    private static final int FLOATS = 6;

    private int size;
    private int[] kinds = new int[8];
    private int[] actors = new int[8];
    private float[] values = new float[8 * FLOATS];
    private int[] ints = new int[8];
    private boolean[] flags = new boolean[8 * 3];
    private ActorDescription[] descriptions = new ActorDescription[8];

    public void clear() {
        Arrays.fill(descriptions, 0, size, null);
        size = 0;
    }

    public int size() {
        return size;
    }

    public int kind(int i) {
        return kinds[i];
    }

    public int actor(int i) {
        return actors[i];
    }

    public CommandBatch vehicleControl(int actor, float throttle, float steer, float brake) {
        int i = add(APPLY_VEHICLE_CONTROL, actor);
        values[i * FLOATS] = throttle;
        values[i * FLOATS + 1] = steer;
        values[i * FLOATS + 2] = brake;
        flags[i * 3] = false;
        flags[i * 3 + 1] = false;
        flags[i * 3 + 2] = false;
        ints[i] = 0;
        return this;
    }

    public CommandBatch transform(int actor, float x, float y, float z, float pitchDeg, float yawDeg, float rollDeg) {
        int i = add(APPLY_TRANSFORM, actor);
        setTransform(i, x, y, z, pitchDeg, yawDeg, rollDeg);
        return this;
    }

    public CommandBatch destroy(int actor) {
        add(DESTROY_ACTOR, actor);
        return this;
    }

    public CommandBatch simulatePhysics(int actor, boolean enabled) {
        int i = add(SET_SIMULATE_PHYSICS, actor);
        flags[i * 3] = enabled;
        return this;
    }

    /**
     * Spawns {@code description} at a transform, without a parent; with {@code physicsOff} the batch
     * turns the new actor's physics off right after it spawns (an actor moved by transforms).
     */
    public CommandBatch spawn(
            ActorDescription description,
            float x,
            float y,
            float z,
            float pitchDeg,
            float yawDeg,
            float rollDeg,
            boolean physicsOff) {
        int i = add(SPAWN_ACTOR, 0);
        descriptions[i] = description;
        setTransform(i, x, y, z, pitchDeg, yawDeg, rollDeg);
        flags[i * 3] = physicsOff;
        return this;
    }

    private void setTransform(int i, float x, float y, float z, float pitchDeg, float yawDeg, float rollDeg) {
        int o = i * FLOATS;
        values[o] = x;
        values[o + 1] = y;
        values[o + 2] = z;
        values[o + 3] = pitchDeg;
        values[o + 4] = yawDeg;
        values[o + 5] = rollDeg;
    }

    private int add(int kind, int actor) {
        if (size == kinds.length) {
            int n = size * 2;
            kinds = Arrays.copyOf(kinds, n);
            actors = Arrays.copyOf(actors, n);
            values = Arrays.copyOf(values, n * FLOATS);
            ints = Arrays.copyOf(ints, n);
            flags = Arrays.copyOf(flags, n * 3);
            descriptions = Arrays.copyOf(descriptions, n);
        }
        kinds[size] = kind;
        actors[size] = actor;
        return size++;
    }

    /** Packs the commands as the {@code std::vector<rpc::Command>} argument. */
    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(size);
        for (int i = 0; i < size; i++) {
            p.packArrayHeader(1);
            p.packArrayHeader(2);
            p.packInt(kinds[i]);
            int o = i * FLOATS;
            switch (kinds[i]) {
                case SPAWN_ACTOR -> {
                    p.packArrayHeader(4);
                    descriptions[i].pack(p);
                    Transform.pack(
                            p, values[o], values[o + 1], values[o + 2], values[o + 3], values[o + 4], values[o + 5]);
                    p.packArrayHeader(1); // boost::optional<ActorId> parent, empty: [false]
                    p.packBoolean(false);
                    if (flags[i * 3]) {
                        p.packArrayHeader(1);
                        packSimulatePhysics(p, 0, false);
                    } else {
                        p.packArrayHeader(0);
                    }
                }
                case DESTROY_ACTOR -> {
                    p.packArrayHeader(1);
                    packActorId(p, actors[i]);
                }
                case APPLY_VEHICLE_CONTROL -> {
                    p.packArrayHeader(2);
                    packActorId(p, actors[i]);
                    VehicleControl.pack(
                            p,
                            values[o],
                            values[o + 1],
                            values[o + 2],
                            flags[i * 3],
                            flags[i * 3 + 1],
                            flags[i * 3 + 2],
                            ints[i]);
                }
                case APPLY_TRANSFORM -> {
                    p.packArrayHeader(2);
                    packActorId(p, actors[i]);
                    Transform.pack(
                            p, values[o], values[o + 1], values[o + 2], values[o + 3], values[o + 4], values[o + 5]);
                }
                case SET_SIMULATE_PHYSICS -> {
                    p.packArrayHeader(2);
                    packActorId(p, actors[i]);
                    p.packBoolean(flags[i * 3]);
                }
                default -> throw new IllegalStateException("unknown command kind " + kinds[i]);
            }
        }
    }

    /** A whole {@code SetSimulatePhysics} command, as it sits in a spawn's {@code do_after}. */
    private static void packSimulatePhysics(MessagePacker p, int actor, boolean enabled) throws IOException {
        p.packArrayHeader(1);
        p.packArrayHeader(2);
        p.packInt(SET_SIMULATE_PHYSICS);
        p.packArrayHeader(2);
        packActorId(p, actor);
        p.packBoolean(enabled);
    }

    /** {@code rpc::ActorId} is {@code uint32_t} (rpc/ActorId.h:14). */
    static void packActorId(MessagePacker p, int actor) throws IOException {
        p.packLong(Integer.toUnsignedLong(actor));
    }
}

package dev.drivenotes.carla.fake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessagePacker;
import org.msgpack.value.Value;

/**
 * The functions the fake binds, by CARLA's names (CarlaServer.cpp {@code BindActions}), each with
 * its argument count and the kind of result it returns, run on the game thread against the world.
 */
final class FakeCalls {

    /** What a function returns: a {@code Response<T>}, a {@code Response<void>}, or a bare vector (apply_batch). */
    enum Result {
        RESPONSE,
        VOID,
        VECTOR
    }

    @FunctionalInterface
    interface Body {
        void run(List<Value> args, MessagePacker out) throws IOException;
    }

    record Function(int argCount, Result result, Body body) {}

    /** A CARLA {@code ResponseError} raised inside a function. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final FakeWorld world;
    private final int streamPort;
    private final Map<String, Function> functions;

    FakeCalls(FakeWorld world, int streamPort) {
        this.world = world;
        this.streamPort = streamPort;
        this.functions = Map.ofEntries(
                Map.entry("version", new Function(0, Result.RESPONSE, (a, p) -> p.packString(world.version))),
                Map.entry("get_episode_info", new Function(0, Result.RESPONSE, (a, p) -> {
                    byte[] token = FakeStreams.token(FakeWorld.EPISODE_STREAM, streamPort);
                    p.packArrayHeader(2).packLong(world.episodeId).packArrayHeader(1);
                    p.packBinaryHeader(token.length).writePayload(token);
                })),
                Map.entry("get_map_info", new Function(0, Result.RESPONSE, (a, p) -> {
                    p.packArrayHeader(2).packString(world.mapName).packArrayHeader(1);
                    FakeWire.transform(p, new float[] {0, 0, 0.5f, 0, 0, 0});
                })),
                Map.entry("get_map_data", new Function(0, Result.RESPONSE, (a, p) -> p.packString(world.openDrive))),
                Map.entry("get_episode_settings", new Function(0, Result.RESPONSE, (a, p) -> world.settings.pack(p))),
                Map.entry("set_episode_settings", new Function(1, Result.RESPONSE, (a, p) -> {
                    world.settings = FakeSettings.of(a.get(0));
                    p.packLong(world.frame);
                })),
                Map.entry("get_actor_definitions", new Function(0, Result.RESPONSE, (a, p) -> FakeBlueprints.pack(p))),
                Map.entry(
                        "spawn_actor",
                        new Function(
                                2,
                                Result.RESPONSE,
                                (a, p) -> FakeWire.actor(p, spawn(a.get(0), FakeWire.transform(a.get(1)), 0)))),
                Map.entry(
                        "spawn_actor_with_parent",
                        new Function(
                                4,
                                Result.RESPONSE,
                                (a, p) -> FakeWire.actor(
                                        p, spawn(a.get(0), FakeWire.transform(a.get(1)), FakeWire.u32(a.get(2)))))),
                Map.entry(
                        "destroy_actor",
                        new Function(1, Result.RESPONSE, (a, p) -> p.packBoolean(destroy(FakeWire.u32(a.get(0)))))),
                Map.entry("apply_batch", new Function(2, Result.VECTOR, this::applyBatch)),
                Map.entry("tick_cue", new Function(0, Result.RESPONSE, (a, p) -> {
                    world.pendingTicks++;
                    p.packLong(world.frame + 1);
                })),
                Map.entry(
                        "load_new_episode",
                        new Function(
                                3,
                                Result.VOID,
                                (a, p) -> load(
                                        a.get(0).asStringValue().asString(),
                                        a.get(1).asBooleanValue().getBoolean()))),
                Map.entry("get_sensor_token", new Function(1, Result.RESPONSE, (a, p) -> {
                    byte[] token = FakeStreams.token(FakeWire.u32(a.get(0)), streamPort);
                    p.packArrayHeader(1).packBinaryHeader(token.length).writePayload(token);
                })),
                Map.entry(
                        "get_available_maps",
                        new Function(
                                0,
                                Result.RESPONSE,
                                (a, p) -> p.packArrayHeader(1).packString("/Game/" + world.mapName))));
    }

    Function get(String method) {
        return functions.get(method);
    }

    private FakeActor spawn(Value description, float[] transform, int parentId) {
        List<Value> d = FakeWire.array(description).list();
        int uid = FakeWire.u32(d.get(0));
        FakeBlueprints.Blueprint blueprint = FakeBlueprints.byUid(uid);
        if (blueprint == null || !blueprint.id().equals(d.get(1).asStringValue().asString())) {
            throw new Refused("Spawn failed because of invalid actor description"); // FActorSpawnResult::StatusToString
        }
        if (parentId != 0 && !world.actors.containsKey(parentId)) {
            throw new Refused("unable to attach actor: parent actor not found"); // CarlaServer.cpp:729-732
        }
        List<String[]> attributes = new ArrayList<>();
        for (Value v : FakeWire.array(d.get(2))) {
            List<Value> attr = FakeWire.array(v).list();
            attributes.add(new String[] {
                attr.get(0).asStringValue().asString(),
                Integer.toString(attr.get(1).asIntegerValue().toInt()),
                attr.get(2).asStringValue().asString()
            });
        }
        boolean sensor = blueprint.id().startsWith("sensor.");
        FakeActor actor = new FakeActor(
                world.nextActorId,
                parentId,
                uid,
                blueprint.id(),
                attributes,
                blueprint.box(),
                new byte[] {blueprint.id().startsWith("vehicle.") ? (byte) 14 : 0},
                sensor ? world.nextStreamId : 0,
                streamPort,
                transform);
        if (actor.vehicle()) {
            for (FakeActor other : world.actors.values()) {
                if (other.vehicle() && other.touches(actor)) {
                    throw new Refused("Spawn failed because of collision at spawn position");
                }
            }
        }
        world.nextActorId++;
        if (sensor) {
            world.nextStreamId++;
        }
        world.actors.put(actor.id(), actor);
        return actor;
    }

    private boolean destroy(int id) {
        if (id < FakeWorld.FIRST_SPAWNED_ID || world.actors.remove(id) == null) {
            throw new Refused("unable to destroy actor: not found"); // CarlaServer.cpp:777-780
        }
        return true;
    }

    private void load(String map, boolean resetSettings) {
        String wanted = map.substring(map.lastIndexOf('/') + 1);
        if (!world.mapName.endsWith("/" + wanted) && !world.mapName.equals(wanted)) {
            throw new Refused("Map '" + map + "' not found"); // CarlaServer.cpp:308-313
        }
        world.actors.keySet().removeIf(id -> id >= FakeWorld.FIRST_SPAWNED_ID);
        world.episodeId++;
        if (resetSettings) {
            world.settings = FakeSettings.DEFAULT;
        }
    }

    /** apply_batch: each command's {@code Response<ActorId>}, not wrapped (CarlaServer.cpp:2446-2520). */
    private void applyBatch(List<Value> args, MessagePacker p) throws IOException {
        List<Value> commands = FakeWire.array(args.get(0)).list();
        p.packArrayHeader(commands.size());
        for (Value command : commands) {
            try {
                int id = run(FakeWire.array(FakeWire.array(command).get(0)).list());
                FakeWire.value(p);
                p.packLong(Integer.toUnsignedLong(id));
            } catch (Refused e) {
                FakeWire.error(p, e.getMessage());
            }
        }
        if (args.get(1).asBooleanValue().getBoolean()) {
            world.pendingTicks++;
        }
    }

    /** One {@code rpc::Command} variant {@code [index, fields]} (Command.h:284-306). */
    private int run(List<Value> variant) {
        int index = variant.get(0).asIntegerValue().toInt();
        List<Value> f = FakeWire.array(variant.get(1)).list();
        switch (index) {
            case 0 -> {
                FakeActor spawned = spawn(f.get(0), FakeWire.transform(f.get(1)), parent(f.get(2)));
                for (Value after : FakeWire.array(f.get(3))) {
                    List<Value> v = FakeWire.array(FakeWire.array(after).get(0)).list();
                    if (v.get(0).asIntegerValue().toInt() == 14) {
                        spawned.physics =
                                FakeWire.array(v.get(1)).get(1).asBooleanValue().getBoolean();
                    }
                }
                return spawned.id();
            }
            case 1 -> {
                int id = FakeWire.u32(f.get(0));
                destroy(id);
                return id;
            }
            case 2 -> {
                FakeActor a = vehicle(FakeWire.u32(f.get(0)));
                List<Value> c = FakeWire.array(f.get(1)).list();
                a.throttle = FakeWire.f(c.get(0));
                a.steer = FakeWire.f(c.get(1));
                a.brake = FakeWire.f(c.get(2));
                return a.id();
            }
            case 6 -> {
                FakeActor a = actor(FakeWire.u32(f.get(0)));
                System.arraycopy(FakeWire.transform(f.get(1)), 0, a.transform, 0, 6);
                return a.id();
            }
            case 14 -> {
                FakeActor a = actor(FakeWire.u32(f.get(0)));
                a.physics = f.get(1).asBooleanValue().getBoolean();
                return a.id();
            }
            default -> throw new Refused("command " + index + " is not simulated by the fake");
        }
    }

    private static int parent(Value optional) {
        List<Value> o = FakeWire.array(optional).list();
        return o.get(0).asBooleanValue().getBoolean() ? FakeWire.u32(o.get(1)) : 0;
    }

    private FakeActor actor(int id) {
        FakeActor a = world.actors.get(id);
        if (a == null) {
            throw new Refused("Actor not found"); // ECarlaServerResponse::ActorNotFound
        }
        return a;
    }

    private FakeActor vehicle(int id) {
        FakeActor a = actor(id);
        if (!a.vehicle()) {
            throw new Refused("Actor is not a vehicle");
        }
        return a;
    }
}

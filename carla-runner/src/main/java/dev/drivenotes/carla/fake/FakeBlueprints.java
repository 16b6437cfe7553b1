package dev.drivenotes.carla.fake;

import java.io.IOException;
import java.util.List;
import org.msgpack.core.MessagePacker;

/**
 * The fake's blueprint library: a few of CARLA 0.9.15's real blueprints with the attributes the
 * client reads, packed as {@code rpc::ActorDefinition} ({@code [uid, id, tags, attributes]},
 * ActorDefinition.h:49) with {@code rpc::ActorAttribute}s ({@code [id, type, value,
 * recommended_values, is_modifiable, restrict_to_recommended]}, ActorAttribute.h:67). Uids count from
 * 1 in list order, as ActorDispatcher::Bind numbers them.
 */
final class FakeBlueprints {

    /** Attribute type codes of rpc::ActorAttributeType (ActorAttributeType.h:14-19). */
    static final int BOOL = 0;

    static final int INT = 1;
    static final int STRING = 3;
    static final int RGB = 4;

    record Blueprint(String id, String tags, String wheels, String baseType, float[] box) {}

    static final List<Blueprint> ALL = List.of(
            new Blueprint(
                    "sensor.other.collision", "sensor,other,collision", null, null, new float[] {0, 0, 0, 0, 0, 0}),
            new Blueprint(
                    "static.prop.streetbarrier", "static,prop", null, null, new float[] {0, 0, 0.5f, 0.5f, 0.2f, 0.5f}),
            new Blueprint("vehicle.audi.a2", "audi,a2", "4", "car", new float[] {0, 0, 0.78f, 1.85f, 0.9f, 0.78f}),
            new Blueprint("vehicle.carlamotors.carlacola", "carlamotors", "4", "truck", new float[] {
                0, 0, 1.3f, 2.6f, 1.3f, 1.3f
            }),
            new Blueprint("vehicle.lincoln.mkz_2020", "lincoln,mkz_2020", "4", "car", new float[] {
                0, 0, 0.73f, 2.45f, 1.05f, 0.73f
            }),
            new Blueprint(
                    "vehicle.tesla.model3", "tesla,model3", "4", "car", new float[] {0, 0, 0.75f, 2.4f, 1.08f, 0.75f}),
            new Blueprint(
                    "vehicle.yamaha.yzf", "yamaha,yzf", "2", "motorcycle", new float[] {0, 0, 0.6f, 1.1f, 0.43f, 0.6f}),
            new Blueprint(
                    "walker.pedestrian.0001", "walker,pedestrian", null, null, new float[] {0, 0, 0, 0.19f, 0.19f, 0.93f
                    }));

    private FakeBlueprints() {}

    static Blueprint byUid(int uid) {
        return uid >= 1 && uid <= ALL.size() ? ALL.get(uid - 1) : null;
    }

    static void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(ALL.size());
        for (int i = 0; i < ALL.size(); i++) {
            Blueprint b = ALL.get(i);
            boolean vehicle = b.wheels() != null;
            p.packArrayHeader(4).packInt(i + 1).packString(b.id()).packString(b.tags());
            p.packArrayHeader(vehicle ? 4 : 1);
            attribute(p, "role_name", STRING, "", List.of(), true);
            if (vehicle) {
                attribute(p, "color", RGB, "17,37,103", List.of("17,37,103", "255,255,255"), true);
                attribute(p, "number_of_wheels", INT, b.wheels(), List.of(), false);
                attribute(p, "base_type", STRING, b.baseType(), List.of(), false);
            }
        }
    }

    private static void attribute(
            MessagePacker p, String id, int type, String value, List<String> recommended, boolean modifiable)
            throws IOException {
        p.packArrayHeader(6).packString(id).packInt(type).packString(value);
        p.packArrayHeader(recommended.size());
        for (String r : recommended) {
            p.packString(r);
        }
        p.packBoolean(modifiable).packBoolean(false);
    }
}

package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::rpc::MapInfo}, the reply of {@code get_map_info}: {@code MSGPACK_DEFINE_ARRAY(name,
 * recommended_spawn_points)} (rpc/MapInfo.h:21-25). The name is the map's path below the content
 * folder, e.g. {@code Carla/Maps/Town01} (CarlaServer.cpp:458-469).
 */
public record MapInfo(String name, List<Transform> recommendedSpawnPoints) {

    public MapInfo {
        recommendedSpawnPoints = List.copyOf(recommendedSpawnPoints);
    }

    /** The last path element of the name ({@code Town01}), as the Python API's {@code Map.name} ends. */
    public String shortName() {
        return shortName(name);
    }

    /** The last path element of a map name or path: {@code /Game/Carla/Maps/Town01} → {@code Town01}. */
    public static String shortName(String mapName) {
        String n = mapName.strip();
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.substring(n.lastIndexOf('/') + 1);
    }

    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(2);
        p.packString(name);
        p.packArrayHeader(recommendedSpawnPoints.size());
        for (Transform t : recommendedSpawnPoints) {
            t.pack(p);
        }
    }

    public static MapInfo unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 2, "rpc::MapInfo");
        String name = u.unpackString();
        int n = u.unpackArrayHeader();
        List<Transform> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(Transform.unpack(u));
        }
        return new MapInfo(name, points);
    }
}

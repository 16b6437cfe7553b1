package dev.drivenotes.carla.map;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A parsed OpenDRIVE file: roads and junctions by id, in file order. */
public record OpenDriveMap(MapHeader header, Map<String, Road> roads, Map<String, Junction> junctions) {

    public OpenDriveMap {
        roads = Collections.unmodifiableMap(new LinkedHashMap<>(roads));
        junctions = Collections.unmodifiableMap(new LinkedHashMap<>(junctions));
    }

    public double totalRoadLengthM() {
        return roads.values().stream().mapToDouble(Road::length).sum();
    }
}

package dev.drivenotes.model.map;

import dev.drivenotes.model.Require;
import java.util.List;
import java.util.Optional;

/**
 * Every named place of one map: what notes may mention and what they are validated against.
 *
 * @param map the map reference
 * @param junctions junction footprints with their legal maneuvers
 * @param pois points of interest
 * @param roads road reference lines with names
 */
public record PlaceDirectory(String map, List<NamedPlace> junctions, List<NamedPlace> pois, List<RoadLine> roads) {
    public PlaceDirectory {
        Require.notBlank("map", map);
        junctions = List.copyOf(Require.noNullElements("junctions", junctions));
        pois = List.copyOf(Require.noNullElements("pois", pois));
        roads = List.copyOf(Require.noNullElements("roads", roads));
    }

    public Optional<NamedPlace> junctionNamed(String name) {
        return junctions.stream().filter(j -> j.name().equals(name)).findFirst();
    }

    public Optional<NamedPlace> poiNamed(String name) {
        return pois.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** True when {@code name} is a junction, POI or road name of this map. */
    public boolean knows(String name) {
        return junctionNamed(name).isPresent()
                || poiNamed(name).isPresent()
                || roads.stream().anyMatch(r -> r.name().equals(name));
    }
}

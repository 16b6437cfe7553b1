package dev.drivenotes.reporter.ingest;

import dev.drivenotes.model.map.PlaceMatcher;
import dev.drivenotes.reporter.map.MapGeometryClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The named places of a map as a {@link PlaceMatcher}, from carla-runner's {@code GET
 * /v1/maps/places?map=<ref>} (through {@link MapGeometryClient}), built once per map. At most
 * {@link #MAX_CACHED_MAPS} matchers are kept: past that the cache starts over.
 */
@Component
class PlaceDirectoryClient {

    static final int MAX_CACHED_MAPS = MapGeometryClient.MAX_CACHED_MAPS;

    private final MapGeometryClient maps;
    private final Map<String, PlaceMatcher> matchers = new ConcurrentHashMap<>();

    PlaceDirectoryClient(MapGeometryClient maps) {
        this.maps = maps;
    }

    /**
     * The matcher of a map's places.
     *
     * @throws dev.drivenotes.reporter.map.MapUnavailableException when carla-runner cannot answer
     */
    PlaceMatcher matcherFor(String map) {
        if (matchers.size() >= MAX_CACHED_MAPS && !matchers.containsKey(map)) {
            matchers.clear();
        }
        return matchers.computeIfAbsent(map, m -> new PlaceMatcher(maps.places(m)));
    }
}

package dev.drivenotes.carla.map;

import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneGraphBuilder;
import dev.drivenotes.carla.map.lanes.LaneIndex;
import dev.drivenotes.carla.map.lanes.LanePosition;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.places.MapPlaces;
import dev.drivenotes.carla.map.places.PlaceRouter;
import dev.drivenotes.carla.map.places.PlacesFile;
import dev.drivenotes.carla.map.routing.RoutePlanner;
import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.PlaceMatcher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A map ready to drive on: parsed OpenDRIVE, lane graph, spatial index, route planner, places and
 * the router between them. Built once per map reference by {@link MapCatalog} and shared by every
 * simulation on the map.
 *
 * <p>What other layers precompute from a map (traffic's lane network and signal plan) is built on
 * first use through {@link #derived} and kept here, so it lives exactly as long as the map.
 */
public final class LoadedMap {

    private final String ref;
    private final OpenDriveMap openDrive;
    private final LaneGraph graph;
    private final LaneIndex index;
    private final RoutePlanner planner;
    private final PlaceDirectory places;
    private final PlaceMatcher matcher;
    private final Map<String, List<LanePosition>> anchors;
    private final PlaceRouter router;
    private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

    private LoadedMap(String ref, OpenDriveMap openDrive, LaneGraph graph, MapPlaces.Result places) {
        this.ref = ref;
        this.openDrive = openDrive;
        this.graph = graph;
        this.index = new LaneIndex(graph);
        this.planner = new RoutePlanner(graph);
        this.places = places.directory();
        this.matcher = new PlaceMatcher(places.directory());
        this.anchors = Map.copyOf(places.anchors());
        this.router = new PlaceRouter(this.places, anchors, planner);
    }

    /** @param sidecar the map's places file, or null to derive every name */
    public static LoadedMap of(String ref, OpenDriveMap openDrive, PlacesFile sidecar) {
        LaneGraph graph = LaneGraphBuilder.build(openDrive);
        return new LoadedMap(ref, openDrive, graph, MapPlaces.build(ref, openDrive, graph, sidecar));
    }

    /**
     * The value of {@code type} derived from this map by {@code build}, built on the first call and
     * returned by every later one. {@code build} must not call back into this method.
     */
    public <T> T derived(Class<T> type, Function<LoadedMap, ? extends T> build) {
        return type.cast(derived.computeIfAbsent(type, k -> build.apply(this)));
    }

    public String ref() {
        return ref;
    }

    public OpenDriveMap openDrive() {
        return openDrive;
    }

    public LaneGraph graph() {
        return graph;
    }

    public LaneIndex index() {
        return index;
    }

    public RoutePlanner planner() {
        return planner;
    }

    public PlaceDirectory places() {
        return places;
    }

    public PlaceMatcher matcher() {
        return matcher;
    }

    /** The lane positions where each named junction or POI can be reached. */
    public Map<String, List<LanePosition>> anchors() {
        return anchors;
    }

    /** Routes between named places. */
    public PlaceRouter router() {
        return router;
    }

    public MapSummary summary() {
        return new MapSummary(
                ref,
                openDrive.roads().size(),
                openDrive.junctions().size(),
                graph.size(),
                openDrive.totalRoadLengthM(),
                places.pois().size());
    }

    @Override
    public String toString() {
        return "LoadedMap[" + ref + "]";
    }
}

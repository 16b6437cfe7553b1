package dev.drivenotes.carla.map;

import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.PlaceMatcher;
import java.util.List;
import java.util.Map;

/**
 * A map ready to drive on: parsed OpenDRIVE, lane graph, spatial index, route planner and places.
 * Immutable and shared by every simulation on the map.
 */
public record LoadedMap(
        String ref,
        OpenDriveMap openDrive,
        LaneGraph graph,
        LaneIndex index,
        RoutePlanner planner,
        PlaceDirectory places,
        PlaceMatcher matcher,
        Map<String, List<LanePosition>> anchors) {

    public LoadedMap {
        anchors = Map.copyOf(anchors);
    }

    public static LoadedMap of(String ref, OpenDriveMap openDrive, PlacesFile sidecar) {
        LaneGraph graph = LaneGraphBuilder.build(openDrive);
        MapPlaces.Result places = MapPlaces.build(ref, openDrive, graph, sidecar);
        return new LoadedMap(
                ref,
                openDrive,
                graph,
                new LaneIndex(graph),
                new RoutePlanner(graph),
                places.directory(),
                new PlaceMatcher(places.directory()),
                places.anchors());
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
}

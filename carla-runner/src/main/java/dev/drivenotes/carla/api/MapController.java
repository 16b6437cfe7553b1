package dev.drivenotes.carla.api;

import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.MapSummary;
import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.model.Require;
import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.RoutePath;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.RouteSpec;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Map inspection: named places, a summary of a map reference, and the route between two places. */
@RestController
@RequestMapping("/v1/maps")
class MapController {

    /** Spacing of a route's drawn points along its lane centre. */
    static final double SAMPLE_M = 2.0;
    /** The most points a route is drawn with (a longer route is sampled more sparsely). */
    static final int MAX_POINTS = 2000;

    private final MapCatalog maps;

    MapController(MapCatalog maps) {
        this.maps = maps;
    }

    @GetMapping("/places")
    PlaceDirectory places(@RequestParam(name = "map", required = false) String map) {
        return maps.load(mapRef(map)).places();
    }

    @GetMapping("/summary")
    MapSummary summary(@RequestParam(name = "map", required = false) String map) {
        return maps.load(mapRef(map)).summary();
    }

    /**
     * The route a simulation between these places would drive (the same planner, so the same
     * route), with its lane centre every {@value #SAMPLE_M} m (at most {@value #MAX_POINTS} points)
     * for drawing. A 400 names {@code from} or {@code to} for a place the map does not have, {@code
     * to} when no drivable route leads there. The orchestrator checks routes with it at submission;
     * the reporter draws it on route maps.
     */
    @GetMapping("/route")
    RoutePath route(
            @RequestParam(name = "map", required = false) String map,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to) {
        RouteSpec route = new RouteSpec(from, to);
        String ref = mapRef(map);
        PlannedRoute planned = maps.load(ref).router().planNamed(route);
        return new RoutePath(ref, planned.info(), sample(planned.route().polyline()));
    }

    static List<MapPoint> sample(Polyline line) {
        int segments = (int) Math.min(MAX_POINTS - 1, Math.max(1, Math.ceil(line.lengthM() / SAMPLE_M)));
        List<MapPoint> points = new ArrayList<>(segments + 1);
        double[] at = new double[3];
        for (int i = 0; i <= segments; i++) {
            line.pointAt(line.lengthM() * i / segments, at);
            points.add(new MapPoint(at[0], at[1]));
        }
        return points;
    }

    private static String mapRef(String map) {
        return Require.notBlank("map", map, CreateSimulationRequest.MAX_MAP_CHARS);
    }
}

package dev.drivenotes.carla.api;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.places.PlaceRouter;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.map.RoutePath;
import dev.drivenotes.platform.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The planned route between two named places, for drawing: the route a simulation between them
 * drives (the same planner, so the same route), its lane centre sampled every {@value
 * #SAMPLE_M} m and at most {@value #MAX_POINTS} points.
 */
@RestController
class RouteController {

    static final double SAMPLE_M = 2.0;
    static final int MAX_POINTS = 2000;

    private final MapCatalog maps;

    RouteController(MapCatalog maps) {
        this.maps = maps;
    }

    @GetMapping("/v1/maps/route")
    RoutePath route(
            @RequestParam(name = "map", required = false) String map,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to) {
        Require.notBlank("from", from);
        Require.notBlank("to", to);
        LoadedMap loaded = maps.load(Require.notBlank("map", map));
        PlaceRouter router = loaded.router();
        requireKnown(router, "from", from, map);
        requireKnown(router, "to", to, map);
        PlannedRoute planned =
                router.plan(from, to).orElseThrow(() -> new NotFoundException("route", from + " → " + to));
        Polyline line = planned.route().polyline();
        return new RoutePath(map, from, to, line.lengthM(), sample(line));
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

    private static void requireKnown(PlaceRouter router, String field, String place, String map) {
        if (!router.knows(place)) {
            throw new InvalidInputException(
                    field, "unknown place '" + place + "' on " + map + " (use a POI or junction name)");
        }
    }
}

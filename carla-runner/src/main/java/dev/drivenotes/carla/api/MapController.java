package dev.drivenotes.carla.api;

import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.MapSummary;
import dev.drivenotes.model.Require;
import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.RouteInfo;
import dev.drivenotes.model.sim.RouteSpec;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Map inspection: named places, a summary of a map reference, and the route between two places. */
@RestController
@RequestMapping("/v1/maps")
class MapController {

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
     * The route a simulation between these places would drive; a 400 names {@code from} or {@code
     * to} for a place the map does not have, {@code to} when no drivable route leads there.
     */
    @GetMapping("/route")
    RouteInfo route(
            @RequestParam(name = "map", required = false) String map,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to) {
        RouteSpec route = new RouteSpec(from, to);
        return maps.load(mapRef(map)).router().planNamed(route).info();
    }

    private static String mapRef(String map) {
        return Require.notBlank("map", map, CreateSimulationRequest.MAX_MAP_CHARS);
    }
}

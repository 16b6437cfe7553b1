package dev.drivenotes.carla.api;

import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.MapSummary;
import dev.drivenotes.model.Require;
import dev.drivenotes.model.map.PlaceDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Map inspection: named places and a summary of a map reference. */
@RestController
@RequestMapping("/v1/maps")
class MapController {

    private final MapCatalog maps;

    MapController(MapCatalog maps) {
        this.maps = maps;
    }

    @GetMapping("/places")
    PlaceDirectory places(@RequestParam(name = "map", required = false) String map) {
        return maps.load(Require.notBlank("map", map)).places();
    }

    @GetMapping("/summary")
    MapSummary summary(@RequestParam(name = "map", required = false) String map) {
        return maps.load(Require.notBlank("map", map)).summary();
    }
}

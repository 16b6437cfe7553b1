package dev.drivenotes.carla.map.places;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * The places sidecar of a map, {@code <map>.places.json} next to {@code <map>.xodr}: names for
 * junctions and roads, and POIs placed by road position or by coordinates.
 */
public record PlacesFile(List<Named> junctions, List<Named> roads, List<Poi> pois) {

    public PlacesFile {
        junctions = junctions == null ? List.of() : List.copyOf(junctions);
        roads = roads == null ? List.of() : List.copyOf(roads);
        pois = pois == null ? List.of() : List.copyOf(pois);
    }

    /** A display name for the junction or road with this OpenDRIVE id. */
    public record Named(String id, String name) {
        public Named {
            if (id == null || name == null || name.isBlank()) {
                throw new InvalidInputException("map", "places entry needs an id and a name");
            }
        }
    }

    /**
     * A POI: either on road {@code roadId} at {@code s} (on lane {@code lane} when given, else on
     * the middle of the drivable width), or at ({@code x}, {@code y}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Poi(String name, String roadId, Double s, Integer lane, Double x, Double y, Double radiusM) {
        public Poi {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("map", "places file: a POI has no name");
            }
            if ((roadId == null || s == null) && (x == null || y == null)) {
                throw new InvalidInputException("map", "places file: POI '" + name + "' needs roadId+s or x+y");
            }
        }
    }

    /** The sidecar path of a map file: {@code Town01.xodr} → {@code Town01.places.json}. */
    public static Path sidecarOf(Path xodr) {
        String file = xodr.getFileName().toString();
        String base =
                file.toLowerCase(java.util.Locale.ROOT).endsWith(".xodr") ? file.substring(0, file.length() - 5) : file;
        return xodr.resolveSibling(base + ".places.json");
    }

    public static PlacesFile read(Path file) {
        try {
            return Json.mapper().readValue(Files.readString(file), PlacesFile.class);
        } catch (IOException | JacksonException e) {
            String msg = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidInputException("map", "places file " + file.getFileName() + " is invalid: " + msg);
        }
    }

    public String toJson() {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
    }
}

package dev.drivenotes.model.map;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import dev.drivenotes.model.sim.RouteInfo;
import java.util.List;

/**
 * The planned route between two named places of a map ({@code GET /v1/maps/route}): what a
 * simulation between them would drive, and its lane centre sampled along the route for drawing.
 *
 * @param map the map reference
 * @param route the route a simulation between the places drives (start, destination, length, POIs,
 *     maneuvers)
 * @param points the route's lane centre from start to destination, at least two points
 */
public record RoutePath(String map, RouteInfo route, List<MapPoint> points) {
    public RoutePath {
        Require.notBlank("map", map);
        Require.notNull("route", route);
        points = List.copyOf(Require.noNullElements("points", points));
        if (points.size() < 2) {
            throw new InvalidInputException("points", "needs at least two points");
        }
    }
}

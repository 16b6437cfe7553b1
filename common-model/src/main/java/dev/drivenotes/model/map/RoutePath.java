package dev.drivenotes.model.map;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import java.util.List;

/**
 * The planned route between two named places of a map, as drawn on a route map: the lane centre
 * sampled along the route.
 *
 * @param map the map reference
 * @param from the start place
 * @param to the destination place
 * @param lengthM route length along the lane centre
 * @param points the route's lane centre from start to destination, at least two points
 */
public record RoutePath(String map, String from, String to, double lengthM, List<MapPoint> points) {
    public RoutePath {
        Require.notBlank("map", map);
        Require.notBlank("from", from);
        Require.notBlank("to", to);
        Require.positive("lengthM", lengthM);
        points = List.copyOf(Require.noNullElements("points", points));
        if (points.size() < 2) {
            throw new InvalidInputException("points", "needs at least two points");
        }
    }
}

package dev.drivenotes.model.map;

import dev.drivenotes.model.Require;
import java.util.List;

/**
 * A road's reference line sampled as a polyline, with the road's display name.
 *
 * @param roadId OpenDRIVE road id
 * @param name display name (the street name, or a derived "Road 12")
 * @param halfWidthM distance from the reference line within which a point counts as on this road
 * @param points the sampled reference line, at least two points
 */
public record RoadLine(String roadId, String name, double halfWidthM, List<MapPoint> points) {
    public RoadLine {
        Require.notBlank("roadId", roadId);
        Require.notBlank("name", name);
        Require.positive("halfWidthM", halfWidthM);
        points = List.copyOf(Require.noNullElements("points", points));
        if (points.size() < 2) {
            throw new dev.drivenotes.model.InvalidInputException("points", "needs at least two points");
        }
    }
}

package dev.drivenotes.model.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a world position to the name of a place, the one rule both ground truth and the agent's
 * side use: inside a POI's footprint → the POI; else inside a junction's footprint → the junction;
 * else the nearest road within its half width → the road's name; else {@link #OFF_MAP}. Roads are
 * looked up in a uniform grid of segment buckets, so a match costs a handful of distance checks.
 */
public final class PlaceMatcher {

    public static final String OFF_MAP = "off map";

    private static final double CELL_M = 20.0;

    private final PlaceDirectory directory;
    private final Map<Long, List<Segment>> grid = new HashMap<>();
    private final double maxHalfWidthM;

    private record Segment(String name, double ax, double ay, double bx, double by, double halfWidthM) {}

    public PlaceMatcher(PlaceDirectory directory) {
        this.directory = directory;
        double maxHalf = 0;
        for (RoadLine road : directory.roads()) {
            maxHalf = Math.max(maxHalf, road.halfWidthM());
            List<MapPoint> pts = road.points();
            for (int i = 1; i < pts.size(); i++) {
                MapPoint a = pts.get(i - 1);
                MapPoint b = pts.get(i);
                Segment seg = new Segment(road.name(), a.x(), a.y(), b.x(), b.y(), road.halfWidthM());
                int x0 = cell(Math.min(a.x(), b.x()) - road.halfWidthM());
                int x1 = cell(Math.max(a.x(), b.x()) + road.halfWidthM());
                int y0 = cell(Math.min(a.y(), b.y()) - road.halfWidthM());
                int y1 = cell(Math.max(a.y(), b.y()) + road.halfWidthM());
                for (int cx = x0; cx <= x1; cx++) {
                    for (int cy = y0; cy <= y1; cy++) {
                        grid.computeIfAbsent(key(cx, cy), k -> new ArrayList<>())
                                .add(seg);
                    }
                }
            }
        }
        this.maxHalfWidthM = maxHalf;
    }

    public PlaceDirectory directory() {
        return directory;
    }

    /** The place name at a position. */
    public String match(double x, double y) {
        NamedPlace poi = nearestContaining(directory.pois(), x, y);
        if (poi != null) {
            return poi.name();
        }
        NamedPlace junction = nearestContaining(directory.junctions(), x, y);
        if (junction != null) {
            return junction.name();
        }
        return nearestRoad(x, y);
    }

    /** The junction whose footprint holds the position, or null. */
    public NamedPlace junctionAt(double x, double y) {
        return nearestContaining(directory.junctions(), x, y);
    }

    /** The POI whose footprint holds the position, or null. */
    public NamedPlace poiAt(double x, double y) {
        return nearestContaining(directory.pois(), x, y);
    }

    private static NamedPlace nearestContaining(List<NamedPlace> places, double x, double y) {
        NamedPlace best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (NamedPlace p : places) {
            double d = Math.hypot(x - p.center().x(), y - p.center().y());
            if (d <= p.radiusM() && d < bestD) {
                best = p;
                bestD = d;
            }
        }
        return best;
    }

    private String nearestRoad(double x, double y) {
        List<Segment> candidates = grid.get(key(cell(x), cell(y)));
        if (candidates == null || maxHalfWidthM == 0) {
            return OFF_MAP;
        }
        String best = OFF_MAP;
        double bestD = Double.POSITIVE_INFINITY;
        for (Segment s : candidates) {
            double d = distanceToSegment(x, y, s);
            if (d <= s.halfWidthM() && d < bestD) {
                bestD = d;
                best = s.name();
            }
        }
        return best;
    }

    static double distanceToSegment(double px, double py, Segment s) {
        double dx = s.bx() - s.ax();
        double dy = s.by() - s.ay();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((px - s.ax()) * dx + (py - s.ay()) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(px - (s.ax() + t * dx), py - (s.ay() + t * dy));
    }

    private static int cell(double v) {
        return (int) Math.floor(v / CELL_M);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xffffffffL);
    }
}

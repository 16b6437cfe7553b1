package dev.drivenotes.carla.map.places;

import dev.drivenotes.carla.map.opendrive.Lane;
import dev.drivenotes.carla.map.opendrive.Road;
import dev.drivenotes.model.map.MapPoint;
import java.util.ArrayList;
import java.util.List;

/** Samples points across a road: a lane's centre, or the middle of the drivable width. */
final class RoadSampling {

    /** A sampled middle line with the largest half drivable width along it. */
    record Line(List<MapPoint> points, double halfWidthM) {}

    private RoadSampling() {}

    /** The centre of {@code lane} at s, or the middle of the drivable width when lane is null. */
    static MapPoint pointOn(Road road, double s, Integer lane) {
        int si = road.sectionIndexAt(s);
        double[] pose = new double[3];
        double[] edges = new double[2];
        road.referencePose(s, pose);
        double t;
        if (lane != null && road.sections().get(si).lane(lane) != null) {
            road.laneEdges(si, lane, s, edges);
            t = (edges[0] + edges[1]) / 2;
        } else {
            double[] bounds = drivableBounds(road, si, s);
            t = Double.isNaN(bounds[0]) ? road.laneOffsetAt(s) : (bounds[0] + bounds[1]) / 2;
        }
        return new MapPoint(pose[0] - t * Math.sin(pose[2]), pose[1] + t * Math.cos(pose[2]));
    }

    /** Min and max t over the driving lanes of a section at s; NaN when it has none. */
    static double[] drivableBounds(Road road, int si, double s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] edges = new double[2];
        for (Lane lane : road.sections().get(si).sideLanes()) {
            if (lane.driving()) {
                road.laneEdges(si, lane.id(), s, edges);
                lo = Math.min(lo, Math.min(edges[0], edges[1]));
                hi = Math.max(hi, Math.max(edges[0], edges[1]));
            }
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    static Line drivableMiddle(Road road, double stepM) {
        int n = Math.max(2, (int) Math.ceil(road.length() / stepM) + 1);
        List<MapPoint> pts = new ArrayList<>(n);
        double half = 0;
        double[] pose = new double[3];
        for (int i = 0; i < n; i++) {
            double s = road.length() * i / (n - 1);
            road.referencePose(s, pose);
            double[] b = drivableBounds(road, road.sectionIndexAt(s), s);
            double t = Double.isNaN(b[0]) ? road.laneOffsetAt(s) : (b[0] + b[1]) / 2;
            if (!Double.isNaN(b[0])) {
                half = Math.max(half, (b[1] - b[0]) / 2);
            }
            pts.add(new MapPoint(pose[0] - t * Math.sin(pose[2]), pose[1] + t * Math.cos(pose[2])));
        }
        return new Line(pts, half);
    }
}

package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.sim.Waypoint;
import java.util.List;

/**
 * The route ahead as a polyline in the ego frame (x forward, y left, origin at the vehicle centre),
 * with the geometric queries the autopilot needs.
 */
final class EgoPath {

    private static final double MIN_SEGMENT_M = 1e-3;

    private final List<Waypoint> points;

    EgoPath(List<Waypoint> points) {
        this.points = List.copyOf(points);
    }

    boolean isEmpty() {
        return points.isEmpty();
    }

    /**
     * The pure-pursuit target: the first point where the polyline leaves the circle of radius
     * {@code radiusM} around {@code (originX, 0)}, interpolated inside its segment. When the path ends
     * inside the circle, its last point; when the whole path lies outside the circle, the nearest
     * waypoint ahead of the origin (steering back towards the route).
     */
    Waypoint lookAheadPoint(double originX, double radiusM) {
        if (points.isEmpty()) {
            throw new IllegalStateException("no waypoints");
        }
        for (int i = 1; i < points.size(); i++) {
            Waypoint exit = circleExit(points.get(i - 1), points.get(i), originX, radiusM);
            if (exit != null) {
                return exit;
            }
        }
        Waypoint last = points.getLast();
        if (Math.hypot(last.x() - originX, last.y()) <= radiusM) {
            return last;
        }
        Waypoint nearest = last;
        double best = Double.POSITIVE_INFINITY;
        for (Waypoint p : points) {
            double d = Math.hypot(p.x() - originX, p.y());
            if (p.x() > originX && d < best) {
                best = d;
                nearest = p;
            }
        }
        return nearest;
    }

    private static Waypoint circleExit(Waypoint a, Waypoint b, double originX, double radiusM) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double fx = a.x() - originX;
        double fy = a.y();
        double qa = dx * dx + dy * dy;
        if (qa < MIN_SEGMENT_M * MIN_SEGMENT_M) {
            return null;
        }
        double qb = 2 * (fx * dx + fy * dy);
        double qc = fx * fx + fy * fy - radiusM * radiusM;
        double discriminant = qb * qb - 4 * qa * qc;
        if (discriminant < 0) {
            return null;
        }
        double t = (-qb + Math.sqrt(discriminant)) / (2 * qa);
        if (t < 0 || t > 1) {
            return null;
        }
        return new Waypoint(a.x() + t * dx, a.y() + t * dy);
    }

    /**
     * Lateral distance of the vehicle centre from the route: the distance from the origin to the
     * polyline, its first segment extended backwards (the route usually starts just ahead).
     */
    double crossTrackM() {
        if (points.isEmpty()) {
            return 0;
        }
        if (points.size() == 1) {
            return Math.hypot(points.getFirst().x(), points.getFirst().y());
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < points.size(); i++) {
            best = Math.min(best, distanceToSegment(points.get(i - 1), points.get(i), i == 1));
        }
        return best;
    }

    private static double distanceToSegment(Waypoint a, Waypoint b, boolean openBackwards) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double lengthSq = dx * dx + dy * dy;
        if (lengthSq < MIN_SEGMENT_M * MIN_SEGMENT_M) {
            return Math.hypot(a.x(), a.y());
        }
        double t = -(a.x() * dx + a.y() * dy) / lengthSq;
        t = Math.min(1, openBackwards ? t : Math.max(0, t));
        return Math.hypot(a.x() + t * dx, a.y() + t * dy);
    }

    /**
     * The highest speed from which the vehicle can still take every upcoming bend with at most
     * {@code maxLateralMps2} of lateral acceleration, braking at {@code decelMps2} before it: the
     * minimum over waypoints ahead of {@code sqrt(maxLat / curvature + 2 * decel * distance)}.
     * Infinite on a straight route.
     */
    double curvatureLimitedSpeedMps(double maxLateralMps2, double decelMps2) {
        double limit = Double.POSITIVE_INFINITY;
        double distanceM = 0;
        boolean ahead = false;
        for (int i = 1; i + 1 < points.size(); i++) {
            Waypoint p = points.get(i);
            if (!ahead && p.x() > 0) {
                ahead = true;
                distanceM = Math.hypot(p.x(), p.y());
            } else if (ahead) {
                distanceM += distance(points.get(i - 1), p);
            }
            double curvature = curvature(points.get(i - 1), p, points.get(i + 1));
            if (ahead && curvature > 0) {
                limit = Math.min(limit, Math.sqrt(maxLateralMps2 / curvature + 2 * decelMps2 * distanceM));
            }
        }
        return limit;
    }

    /** The largest curvature (1/m) among waypoints ahead of the vehicle within {@code horizonM}. */
    double maxCurvaturePerM(double horizonM) {
        double max = 0;
        for (int i = 1; i + 1 < points.size(); i++) {
            Waypoint p = points.get(i);
            if (p.x() > 0 && Math.hypot(p.x(), p.y()) <= horizonM) {
                max = Math.max(max, curvature(points.get(i - 1), p, points.get(i + 1)));
            }
        }
        return max;
    }

    /** Menger curvature of three points: 1 / radius of the circle through them (0 if degenerate). */
    static double curvature(Waypoint a, Waypoint b, Waypoint c) {
        double ab = distance(a, b);
        double bc = distance(b, c);
        double ac = distance(a, c);
        if (ab < MIN_SEGMENT_M || bc < MIN_SEGMENT_M || ac < MIN_SEGMENT_M) {
            return 0;
        }
        double cross = (b.x() - a.x()) * (c.y() - b.y()) - (b.y() - a.y()) * (c.x() - b.x());
        return 2 * Math.abs(cross) / (ab * bc * ac);
    }

    private static double distance(Waypoint a, Waypoint b) {
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }
}

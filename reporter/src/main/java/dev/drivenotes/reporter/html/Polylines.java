package dev.drivenotes.reporter.html;

import java.util.ArrayList;
import java.util.List;

/** Fewer points for the same drawn line. */
public final class Polylines {

    private Polylines() {}

    /**
     * Douglas–Peucker: keeps the end points and every point farther than {@code tolerance} from the
     * line through the points kept around it, so the drawn line moves by at most {@code tolerance}.
     */
    public static List<Svg.Point> simplify(List<Svg.Point> points, double tolerance) {
        if (points.size() < 3) {
            return List.copyOf(points);
        }
        boolean[] keep = new boolean[points.size()];
        keep[0] = true;
        keep[points.size() - 1] = true;
        mark(points, 0, points.size() - 1, tolerance, keep);
        List<Svg.Point> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (keep[i]) {
                kept.add(points.get(i));
            }
        }
        return kept;
    }

    private static void mark(List<Svg.Point> p, int first, int last, double tolerance, boolean[] keep) {
        // an explicit stack: a long, gently curving road would recurse once per point
        List<int[]> todo = new ArrayList<>();
        todo.add(new int[] {first, last});
        while (!todo.isEmpty()) {
            int[] span = todo.removeLast();
            int farthest = -1;
            double farthestDistance = tolerance;
            for (int i = span[0] + 1; i < span[1]; i++) {
                double d = distanceToSegment(p.get(i), p.get(span[0]), p.get(span[1]));
                if (d > farthestDistance) {
                    farthest = i;
                    farthestDistance = d;
                }
            }
            if (farthest >= 0) {
                keep[farthest] = true;
                todo.add(new int[] {span[0], farthest});
                todo.add(new int[] {farthest, span[1]});
            }
        }
    }

    static double distanceToSegment(Svg.Point p, Svg.Point a, Svg.Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double lengthSq = dx * dx + dy * dy;
        double t =
                lengthSq == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / lengthSq));
        return Math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy));
    }
}

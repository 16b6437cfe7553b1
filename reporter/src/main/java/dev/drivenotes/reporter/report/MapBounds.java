package dev.drivenotes.reporter.report;

import dev.drivenotes.model.map.MapPoint;
import java.util.List;

/** The extent a route map draws, in map metres: what it must show, a margin, at least a minimum span. */
record MapBounds(double minX, double minY, double maxX, double maxY) {

    static final double MARGIN_M = 25;
    static final double MIN_SPAN_M = 120;

    static MapBounds around(List<MapPoint> points) {
        if (points.isEmpty()) {
            return new MapBounds(-MIN_SPAN_M / 2, -MIN_SPAN_M / 2, MIN_SPAN_M / 2, MIN_SPAN_M / 2);
        }
        double minX = points.stream().mapToDouble(MapPoint::x).min().orElseThrow() - MARGIN_M;
        double maxX = points.stream().mapToDouble(MapPoint::x).max().orElseThrow() + MARGIN_M;
        double minY = points.stream().mapToDouble(MapPoint::y).min().orElseThrow() - MARGIN_M;
        double maxY = points.stream().mapToDouble(MapPoint::y).max().orElseThrow() + MARGIN_M;
        double padX = Math.max(0, MIN_SPAN_M - (maxX - minX)) / 2;
        double padY = Math.max(0, MIN_SPAN_M - (maxY - minY)) / 2;
        return new MapBounds(minX - padX, minY - padY, maxX + padX, maxY + padY);
    }

    double width() {
        return maxX - minX;
    }

    double height() {
        return maxY - minY;
    }

    /** Whether the bounding box of {@code points}, widened by {@code marginM}, reaches into the view. */
    boolean overlaps(List<MapPoint> points, double marginM) {
        double loX = points.stream().mapToDouble(MapPoint::x).min().orElseThrow() - marginM;
        double hiX = points.stream().mapToDouble(MapPoint::x).max().orElseThrow() + marginM;
        double loY = points.stream().mapToDouble(MapPoint::y).min().orElseThrow() - marginM;
        double hiY = points.stream().mapToDouble(MapPoint::y).max().orElseThrow() + marginM;
        return loX <= maxX && hiX >= minX && loY <= maxY && hiY >= minY;
    }

    /** Whether a point, or a disc of {@code radiusM} around it, reaches into the view. */
    boolean near(MapPoint p, double radiusM) {
        return p.x() >= minX - radiusM && p.x() <= maxX + radiusM && p.y() >= minY - radiusM && p.y() <= maxY + radiusM;
    }
}

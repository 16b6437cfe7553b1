package dev.drivenotes.carla.map.opendrive;

import dev.drivenotes.carla.map.geometry.CubicPoly;
import java.util.List;

/**
 * One lane of a lane section.
 *
 * @param id OpenDRIVE lane id: positive left of the reference line, negative right, 0 centre
 * @param type OpenDRIVE lane type ("driving", "sidewalk", ...)
 * @param widths width polynomials, {@code start} = sOffset from the lane section start
 * @param borders border polynomials (outer edge's distance from the lane offset line), used only
 *     when a lane has no width records
 * @param predecessor linked lane id in the preceding section or road, or null
 * @param successor linked lane id in the following section or road, or null
 * @param roadMarks road marks of the lane's outer border, sorted by sOffset
 */
public record Lane(
        int id,
        String type,
        List<CubicPoly> widths,
        List<CubicPoly> borders,
        Integer predecessor,
        Integer successor,
        List<RoadMark> roadMarks) {

    public Lane {
        widths = List.copyOf(widths);
        borders = List.copyOf(borders);
        roadMarks = List.copyOf(roadMarks);
    }

    /** The mark on this lane's outer border at {@code ds} metres into its lane section. */
    public RoadMark roadMarkAt(double ds) {
        return RoadMark.at(roadMarks, ds);
    }

    /** Only driving lanes are drivable. */
    public boolean driving() {
        return "driving".equals(type);
    }

    /**
     * Width at {@code ds} metres into the lane section; {@code innerT} is the unsigned distance of
     * the lane's inner edge from the lane offset line (used with border records).
     */
    public double widthAt(double ds, double innerT) {
        if (!widths.isEmpty()) {
            return Math.max(0, CubicPoly.valueAt(widths, ds));
        }
        if (!borders.isEmpty()) {
            return Math.max(0, Math.abs(CubicPoly.valueAt(borders, ds)) - innerT);
        }
        return 0;
    }
}

package dev.drivenotes.carla.map.opendrive;

import dev.drivenotes.carla.map.geometry.CubicPoly;
import dev.drivenotes.carla.map.geometry.Geometry;
import java.util.List;

/**
 * An OpenDRIVE road with its reference line, lane offset, lane sections and speed limits.
 *
 * @param junctionId the junction this road belongs to (a connecting road), or null
 * @param laneOffsets lane offset polynomials, {@code start} = road s
 * @param speedLimits speed records, ordered by s
 * @param elevations elevation polynomials ({@code start} = road s), ordered by s
 * @param types road-type records ("town", "motorway", ...), ordered by s
 */
public record Road(
        String id,
        String name,
        double length,
        String junctionId,
        RoadLink predecessor,
        RoadLink successor,
        List<Geometry> geometries,
        List<CubicPoly> laneOffsets,
        List<LaneSection> sections,
        List<SpeedLimit> speedLimits,
        List<CubicPoly> elevations,
        List<RoadType> types) {

    /** A road-type speed limit from {@code s} on. */
    public record SpeedLimit(double s, double speedMps) {}

    /** A road {@code <type>} record from {@code s} on; {@code speedMps} is NaN without a numeric limit. */
    public record RoadType(double s, String type, double speedMps) {}

    public Road {
        geometries = List.copyOf(geometries);
        laneOffsets = List.copyOf(laneOffsets);
        sections = List.copyOf(sections);
        speedLimits = List.copyOf(speedLimits);
        elevations = List.copyOf(elevations);
        types = List.copyOf(types);
    }

    /** Reference-line elevation (z, metres) at {@code s}; 0 without an elevation profile. */
    public double elevationAt(double s) {
        return CubicPoly.valueAt(elevations, s);
    }

    /** Index of the lane section holding {@code s}. */
    public int sectionIndexAt(double s) {
        int i = 0;
        while (i + 1 < sections.size() && sections.get(i + 1).s() <= s + 1e-9) {
            i++;
        }
        return i;
    }

    /**
     * Whether road marks let a vehicle cross from lane {@code fromLaneId} into the adjacent lane
     * {@code toLaneId} at road position {@code s} (see {@link LaneSection#crossingAllowed}).
     */
    public boolean crossingAllowed(double s, int fromLaneId, int toLaneId) {
        int si = sectionIndexAt(s);
        LaneSection sec = sections.get(si);
        return sec.crossingAllowed(fromLaneId, toLaneId, s - sec.s());
    }

    /** The mark between two adjacent lanes at road position {@code s}, or null when not adjacent. */
    public RoadMark boundaryMarkAt(double s, int fromLaneId, int toLaneId) {
        LaneSection sec = sections.get(sectionIndexAt(s));
        return sec.boundaryMarkAt(fromLaneId, toLaneId, s - sec.s());
    }

    public boolean inJunction() {
        return junctionId != null;
    }

    /** Writes x, y and heading of the reference line at {@code s} into {@code out[0..2]}. */
    public void referencePose(double s, double[] out) {
        int lo = 0;
        int hi = geometries.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (geometries.get(mid).s() <= s) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Geometry g = geometries.get(lo);
        g.evaluate(Math.max(0, Math.min(g.length(), s - g.s())), out);
    }

    public double sectionEnd(int index) {
        return index + 1 < sections.size() ? sections.get(index + 1).s() : length;
    }

    public double laneOffsetAt(double s) {
        return CubicPoly.valueAt(laneOffsets, s);
    }

    /**
     * Lateral positions (t, positive left) of a lane's inner and outer edges at road position
     * {@code s} within section {@code sectionIndex}, written into {@code out[0..1]}.
     */
    public void laneEdges(int sectionIndex, int laneId, double s, double[] out) {
        LaneSection section = sections.get(sectionIndex);
        double ds = s - section.s();
        double sign = laneId > 0 ? 1 : -1;
        List<Lane> side = laneId > 0 ? section.left() : section.right();
        double inner = 0;
        double width = 0;
        for (int k = 0; k < Math.abs(laneId) && k < side.size(); k++) {
            inner += width;
            width = side.get(k).widthAt(ds, inner);
        }
        double offset = laneOffsetAt(s);
        out[0] = offset + sign * inner;
        out[1] = offset + sign * (inner + width);
    }

    public double speedLimitAt(double s, double defaultMps) {
        double limit = defaultMps;
        for (SpeedLimit l : speedLimits) {
            if (l.s() <= s + 1e-9) {
                limit = l.speedMps();
            }
        }
        return limit;
    }

    /** True when some lane section has a driving lane. */
    public boolean hasDrivingLane() {
        return sections.stream().anyMatch(sec -> sec.sideLanes().stream().anyMatch(Lane::driving));
    }
}

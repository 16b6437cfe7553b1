package dev.drivenotes.carla.map.opendrive;

import java.util.List;

/**
 * A lane section starting at road position {@code s}.
 *
 * @param left left lanes ordered 1, 2, 3, ... (outwards)
 * @param right right lanes ordered -1, -2, -3, ... (outwards)
 * @param centerMarks road marks of the centre lane (the line between lanes 1 and -1)
 */
public record LaneSection(double s, List<Lane> left, List<Lane> right, List<RoadMark> centerMarks) {

    public LaneSection {
        left = List.copyOf(left);
        right = List.copyOf(right);
        centerMarks = List.copyOf(centerMarks);
    }

    /**
     * The mark on the boundary between two adjacent lanes ({@code |from - to| == 1}, or 1 and -1
     * across the centre) at {@code ds} metres into this section: the outer mark of the inner lane,
     * or the centre mark. Null when the lanes are not adjacent or do not exist.
     */
    public RoadMark boundaryMarkAt(int fromLaneId, int toLaneId, double ds) {
        if (lane(fromLaneId) == null || lane(toLaneId) == null) {
            return null;
        }
        if (fromLaneId * toLaneId < 0) {
            return Math.abs(fromLaneId) == 1 && Math.abs(toLaneId) == 1 ? RoadMark.at(centerMarks, ds) : null;
        }
        if (Math.abs(fromLaneId - toLaneId) != 1) {
            return null;
        }
        int inner = Math.abs(fromLaneId) < Math.abs(toLaneId) ? fromLaneId : toLaneId;
        return lane(inner).roadMarkAt(ds);
    }

    /**
     * Whether the road marks let a vehicle cross from lane {@code fromLaneId} into the adjacent lane
     * {@code toLaneId} at {@code ds} metres into this section. False for lanes that are not adjacent.
     */
    public boolean crossingAllowed(int fromLaneId, int toLaneId, double ds) {
        RoadMark mark = boundaryMarkAt(fromLaneId, toLaneId, ds);
        return mark != null && mark.allowsCrossing(toLaneId > fromLaneId);
    }

    /** The lane with this id, or null (0 and unknown ids). */
    public Lane lane(int id) {
        if (id > 0 && id <= left.size()) {
            return left.get(id - 1);
        }
        if (id < 0 && -id <= right.size()) {
            return right.get(-id - 1);
        }
        return null;
    }

    /** Left then right lanes. */
    public List<Lane> sideLanes() {
        return java.util.stream.Stream.concat(left.stream(), right.stream()).toList();
    }
}

package dev.drivenotes.carla.map;

import java.util.List;

/**
 * A lane section starting at road position {@code s}.
 *
 * @param left left lanes ordered 1, 2, 3, ... (outwards)
 * @param right right lanes ordered -1, -2, -3, ... (outwards)
 */
public record LaneSection(double s, List<Lane> left, List<Lane> right) {

    public LaneSection {
        left = List.copyOf(left);
        right = List.copyOf(right);
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

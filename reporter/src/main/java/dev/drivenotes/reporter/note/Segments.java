package dev.drivenotes.reporter.note;

import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.map.PlaceDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a trajectory is cut into note segments, as indices into the trajectory list: ground-truth
 * junction traversals and POI arrivals.
 *
 * @param traversals maximal runs of consecutive records inside the same junction (truth.junctionId)
 * @param arrivals indices of POI arrivals: records whose truth.place is a POI name different from the
 *     previous record's place (the first record is never an arrival: starting inside a POI is not
 *     reaching it)
 */
record Segments(List<Traversal> traversals, List<Integer> arrivals) {

    /** Records {@code first..last} (inclusive) lie inside one junction. */
    record Traversal(int first, int last) {
        int middle() {
            return first + (last - first) / 2;
        }
    }

    Segments {
        traversals = List.copyOf(traversals);
        arrivals = List.copyOf(arrivals);
    }

    static Segments of(List<StepRecord> trajectory, PlaceDirectory places) {
        List<Traversal> traversals = new ArrayList<>();
        List<Integer> arrivals = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < trajectory.size(); i++) {
            String junction = trajectory.get(i).truth().junctionId();
            String previousJunction = i > 0 ? trajectory.get(i - 1).truth().junctionId() : null;
            if (open >= 0 && !Objects.equals(junction, previousJunction)) {
                traversals.add(new Traversal(open, i - 1));
                open = -1;
            }
            if (open < 0 && junction != null) {
                open = i;
            }
            if (i > 0) {
                String place = trajectory.get(i).truth().place();
                boolean isPoi = places.poiNamed(place).isPresent();
                if (isPoi && !place.equals(trajectory.get(i - 1).truth().place())) {
                    arrivals.add(i);
                }
            }
        }
        if (open >= 0) {
            traversals.add(new Traversal(open, trajectory.size() - 1));
        }
        return new Segments(traversals, arrivals);
    }

    /** The first arrival strictly after {@code index}, or -1. */
    int arrivalAfter(int index) {
        for (int a : arrivals) {
            if (a > index) {
                return a;
            }
        }
        return -1;
    }

    /** The last arrival strictly before {@code index}, or -1. */
    int arrivalBefore(int index) {
        int found = -1;
        for (int a : arrivals) {
            if (a < index) {
                found = a;
            }
        }
        return found;
    }
}

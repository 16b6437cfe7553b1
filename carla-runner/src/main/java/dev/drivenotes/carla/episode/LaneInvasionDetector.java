package dev.drivenotes.carla.episode;

import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.opendrive.LaneSection;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.opendrive.Road;

/**
 * Lane invasion: the ego moves from one lane into the adjacent lane of the same lane section across
 * a road mark that forbids the crossing (solid lines, curbs, an explicit {@code laneChange}). A
 * lane counts as the ego's once it has been matched for {@link #SETTLE_STEPS} steps in a row, so
 * straddling a line does not count every flicker of the matcher; the invasion is reported on the
 * step the new lane settles.
 */
final class LaneInvasionDetector {

    static final int SETTLE_STEPS = 5;

    private final OpenDriveMap map;
    private LaneNode settled;
    private LaneNode candidate;
    private int candidateSteps;

    LaneInvasionDetector(OpenDriveMap map) {
        this.map = map;
    }

    /** Feeds this step's matched lane (null when off every lane); true when an invasion completes now. */
    boolean update(LaneNode lane, double alongM) {
        if (lane != candidate) {
            candidate = lane;
            candidateSteps = 0;
        }
        candidateSteps++;
        if (candidate == null || candidate == settled || candidateSteps < SETTLE_STEPS) {
            return false;
        }
        LaneNode previous = settled;
        settled = candidate;
        return previous != null && forbidden(previous, candidate, alongM);
    }

    private boolean forbidden(LaneNode from, LaneNode to, double alongM) {
        if (!from.roadId().equals(to.roadId()) || from.sectionIndex() != to.sectionIndex()) {
            return false;
        }
        Road road = map.roads().get(to.roadId());
        if (road == null) {
            return false;
        }
        LaneSection section = road.sections().get(to.sectionIndex());
        double sectionLengthM = road.sectionEnd(to.sectionIndex()) - section.s();
        double fraction = to.lengthM() > 0 ? Math.max(0, Math.min(1, alongM / to.lengthM())) : 0;
        double ds = (to.laneId() < 0 ? fraction : 1 - fraction) * sectionLengthM;
        boolean adjacent = Math.abs(from.laneId() - to.laneId()) == 1
                || (Math.abs(from.laneId()) == 1 && Math.abs(to.laneId()) == 1);
        return adjacent && !section.crossingAllowed(from.laneId(), to.laneId(), ds);
    }
}

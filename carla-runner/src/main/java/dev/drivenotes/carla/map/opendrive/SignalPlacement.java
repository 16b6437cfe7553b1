package dev.drivenotes.carla.map.opendrive;

import java.util.List;

/**
 * Where a signal acts: its own position ({@code reference} false) or a {@code <signalReference>}
 * on another road ({@code reference} true), e.g. a traffic light placed on the incoming road and
 * referenced from the junction's connecting roads (RoadRunner/CARLA maps do this).
 */
public record SignalPlacement(
        Signal signal,
        String roadId,
        double s,
        SignalOrientation orientation,
        List<LaneValidity> validities,
        boolean reference) {

    public SignalPlacement {
        validities = List.copyOf(validities);
    }

    /** Whether traffic in lane {@code laneId} of {@link #roadId()} must obey the signal here. */
    public boolean appliesTo(int laneId) {
        return applies(orientation, validities, laneId);
    }

    /**
     * Validity records decide when present (records naming only lane 0, as RoadRunner writes them,
     * are ignored); otherwise every lane whose traffic faces the orientation.
     */
    static boolean applies(SignalOrientation orientation, List<LaneValidity> validities, int laneId) {
        boolean any = false;
        for (LaneValidity v : validities) {
            if (!v.centreOnly()) {
                any = true;
                if (v.covers(laneId)) {
                    return true;
                }
            }
        }
        return !any && orientation.facesLane(laneId);
    }
}

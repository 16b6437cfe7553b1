package dev.drivenotes.carla.map.opendrive;

import java.util.List;

/** A {@code <signalReference>}: signal {@code signalId} also acts at (roadId, s) for the given lanes. */
public record SignalReference(
        String signalId,
        String roadId,
        double s,
        double t,
        SignalOrientation orientation,
        List<LaneValidity> validities) {

    public SignalReference {
        validities = List.copyOf(validities);
    }
}

package dev.drivenotes.carla.map.opendrive;

import java.util.ArrayList;
import java.util.List;

/** Collects one road's {@code <signal>} and {@code <signalReference>} records while the loader streams. */
final class RoadSignals {

    /** The attributes of a {@code <signal>} as read, before its world pose is known. */
    record Raw(
            String id,
            String name,
            double s,
            double t,
            double zOffset,
            double hOffset,
            boolean dynamic,
            SignalOrientation orientation,
            String country,
            String type,
            String subtype,
            double value,
            String unit) {}

    private final List<Raw> raws = new ArrayList<>();
    private final List<List<LaneValidity>> rawValidities = new ArrayList<>();
    private final List<SignalReference> references = new ArrayList<>();
    private final List<LaneValidity> current = new ArrayList<>();
    private SignalReference pendingReference;
    private Raw pendingSignal;

    void signal(Raw raw) {
        pendingSignal = raw;
        current.clear();
    }

    void reference(SignalReference ref) {
        pendingReference = ref;
        current.clear();
    }

    void validity(int fromLane, int toLane) {
        current.add(new LaneValidity(fromLane, toLane));
    }

    void endSignal() {
        if (pendingSignal != null) {
            raws.add(pendingSignal);
            rawValidities.add(List.copyOf(current));
            pendingSignal = null;
        }
    }

    void endReference() {
        if (pendingReference != null) {
            SignalReference r = pendingReference;
            references.add(new SignalReference(r.signalId(), r.roadId(), r.s(), r.t(), r.orientation(), current));
            pendingReference = null;
        }
    }

    List<SignalReference> references() {
        return references;
    }

    /** The road's signals with world poses evaluated on {@code road}. */
    List<Signal> build(Road road) {
        List<Signal> out = new ArrayList<>(raws.size());
        double[] pose = new double[3];
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            double s = Math.max(0, Math.min(road.length(), r.s()));
            road.referencePose(s, pose);
            double heading = pose[2] + (r.orientation() == SignalOrientation.MINUS ? Math.PI : 0);
            out.add(new Signal(
                    r.id(),
                    r.name(),
                    road.id(),
                    r.s(),
                    r.t(),
                    r.dynamic(),
                    r.orientation(),
                    r.country(),
                    r.type(),
                    r.subtype(),
                    r.value(),
                    r.unit(),
                    rawValidities.get(i),
                    pose[0] - r.t() * Math.sin(pose[2]),
                    pose[1] + r.t() * Math.cos(pose[2]),
                    road.elevationAt(s) + r.zOffset(),
                    Math.atan2(Math.sin(heading), Math.cos(heading))));
        }
        return out;
    }
}

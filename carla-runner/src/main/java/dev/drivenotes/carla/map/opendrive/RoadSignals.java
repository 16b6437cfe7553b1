package dev.drivenotes.carla.map.opendrive;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a road's {@code <signals>}: each {@code <signal>} and {@code <signalReference>} with its
 * {@code <validity>} records. Signals get their world pose once the road is complete ({@link #build}).
 */
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
            String unit,
            List<LaneValidity> validities) {}

    private final Elements in;
    private final List<Raw> raws = new ArrayList<>();
    private final List<SignalReference> references = new ArrayList<>();

    RoadSignals(Elements in) {
        this.in = in;
    }

    /** Reads the {@code <signals>} element of road {@code roadId}. */
    void read(String roadId) {
        while (in.nextChild()) {
            switch (in.name()) {
                case "signal" -> signal();
                case "signalReference" -> reference(roadId);
                default -> in.skip();
            }
        }
    }

    private void signal() {
        String id = in.req("id");
        String name = in.attr("name", "");
        double s = in.num("s", 0);
        double t = in.num("t", 0);
        double zOffset = in.num("zOffset", 0);
        double hOffset = in.num("hOffset", 0);
        boolean dynamic = "yes".equals(in.attr("dynamic", "no"));
        SignalOrientation orientation = SignalOrientation.parse(in.attr("orientation", "none"));
        String country = in.attr("country", "");
        String type = in.attr("type", "-1");
        String subtype = in.attr("subtype", "-1");
        double value = in.num("value", Double.NaN);
        String unit = in.attr("unit", "");
        raws.add(new Raw(
                id,
                name,
                s,
                t,
                zOffset,
                hOffset,
                dynamic,
                orientation,
                country,
                type,
                subtype,
                value,
                unit,
                validities()));
    }

    private void reference(String roadId) {
        String signalId = in.req("id");
        double s = in.num("s", 0);
        double t = in.num("t", 0);
        SignalOrientation orientation = SignalOrientation.parse(in.attr("orientation", "none"));
        references.add(new SignalReference(signalId, roadId, s, t, orientation, validities()));
    }

    /** The {@code <validity>} children of the current element, consuming it. */
    private List<LaneValidity> validities() {
        List<LaneValidity> out = new ArrayList<>();
        while (in.nextChild()) {
            if ("validity".equals(in.name())) {
                out.add(new LaneValidity(in.intReq("fromLane"), in.intReq("toLane")));
            }
            in.skip();
        }
        return List.copyOf(out);
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
                    r.validities(),
                    pose[0] - r.t() * Math.sin(pose[2]),
                    pose[1] + r.t() * Math.cos(pose[2]),
                    road.elevationAt(s) + r.zOffset(),
                    Math.atan2(Math.sin(heading), Math.cos(heading))));
        }
        return out;
    }
}

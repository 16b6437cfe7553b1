package dev.drivenotes.carla.map.opendrive;

import dev.drivenotes.carla.map.geometry.ArcGeometry;
import dev.drivenotes.carla.map.geometry.CubicPoly;
import dev.drivenotes.carla.map.geometry.Geometry;
import dev.drivenotes.carla.map.geometry.LineGeometry;
import dev.drivenotes.carla.map.geometry.ParamPoly3Geometry;
import dev.drivenotes.carla.map.geometry.Poly3Geometry;
import dev.drivenotes.carla.map.geometry.SpiralGeometry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads one {@code <road>}: links, road types with speed limits, the planView, the elevation profile,
 * lanes ({@link LanesReader}) and signals ({@link RoadSignals}). Lateral profiles, objects and other
 * records are skipped: driving does not need them.
 */
final class RoadReader {

    /** One road as read, with the signals placed on it and its signal references. */
    record Result(Road road, List<Signal> signals, List<SignalReference> references) {}

    private static final double MPH_TO_MPS = 0.44704;

    private final Elements in;
    private final LanesReader lanes;
    private final RoadSignals signals;
    private RoadLink predecessor;
    private RoadLink successor;
    private final List<Geometry> geometries = new ArrayList<>();
    private final List<CubicPoly> elevations = new ArrayList<>();
    private final List<Road.SpeedLimit> speeds = new ArrayList<>();
    private final List<Road.RoadType> types = new ArrayList<>();

    RoadReader(Elements in) {
        this.in = in;
        this.lanes = new LanesReader(in);
        this.signals = new RoadSignals(in);
    }

    /** Reads the road element the cursor is on; errors name the road from here on. */
    Result read() {
        String id = in.req("id");
        in.road(id);
        String name = in.attr("name", "");
        double length = in.numReq("length");
        String junction = in.attr("junction", "-1");
        if (length <= 0) {
            throw in.fail("road length must be positive (was " + length + ")");
        }
        while (in.nextChild()) {
            switch (in.name()) {
                case "link" -> link();
                case "type" -> type();
                case "planView" -> planView();
                case "elevationProfile" -> elevationProfile();
                case "lanes" -> lanes.read();
                case "signals" -> signals.read(id);
                default -> in.skip();
            }
        }
        if (geometries.isEmpty()) {
            throw in.fail("road has no planView geometry");
        }
        if (lanes.sections().isEmpty()) {
            throw in.fail("road has no lane section");
        }
        geometries.sort(Comparator.comparingDouble(Geometry::s));
        speeds.sort(Comparator.comparingDouble(Road.SpeedLimit::s));
        elevations.sort(Comparator.comparingDouble(CubicPoly::start));
        types.sort(Comparator.comparingDouble(Road.RoadType::s));
        Road road = new Road(
                id,
                name,
                length,
                junction.equals("-1") || junction.isBlank() ? null : junction,
                predecessor,
                successor,
                geometries,
                lanes.laneOffsets(),
                lanes.sections(),
                speeds,
                elevations,
                types);
        return new Result(road, signals.build(road), signals.references());
    }

    private void link() {
        while (in.nextChild()) {
            switch (in.name()) {
                case "predecessor" -> predecessor = roadLink();
                case "successor" -> successor = roadLink();
                default -> {
                    // neighbours (OpenDRIVE 1.4) are not needed: lane changes come from road marks
                }
            }
            in.skip();
        }
    }

    private RoadLink roadLink() {
        String type = in.req("elementType");
        String id = in.req("elementId");
        String contact = in.attr("contactPoint", null);
        RoadLink.ElementType elementType = switch (type) {
            case "road" -> RoadLink.ElementType.ROAD;
            case "junction" -> RoadLink.ElementType.JUNCTION;
            default -> throw in.fail("unknown link elementType '" + type + "'");
        };
        return new RoadLink(elementType, id, contact == null ? null : in.contact(contact));
    }

    /** A road type from s on, with the speed limit of its {@code <speed>} child. */
    private void type() {
        double s = in.num("s", 0);
        types.add(new Road.RoadType(s, in.attr("type", "unknown"), Double.NaN));
        while (in.nextChild()) {
            if ("speed".equals(in.name())) {
                speed(s, in.attr("max", "no limit"), in.attr("unit", "m/s"));
            }
            in.skip();
        }
    }

    private void speed(double s, String max, String unit) {
        double value;
        try {
            value = Double.parseDouble(max);
        } catch (NumberFormatException e) {
            return; // "no limit" / "undefined": the road keeps the default limit
        }
        double mps = switch (unit) {
            case "mph" -> value * MPH_TO_MPS;
            case "km/h" -> value / 3.6;
            case "m/s" -> value;
            default -> throw in.fail("unknown speed unit '" + unit + "'");
        };
        if (mps > 0) {
            speeds.add(new Road.SpeedLimit(s, mps));
            Road.RoadType last = types.getLast();
            types.set(types.size() - 1, new Road.RoadType(last.s(), last.type(), mps));
        }
    }

    private void planView() {
        while (in.nextChild()) {
            if ("geometry".equals(in.name())) {
                geometry();
            } else {
                in.skip();
            }
        }
    }

    /** A planView record: its start pose and length, and the curve of its child. */
    private void geometry() {
        double s = in.num("s", 0);
        double x = in.numReq("x");
        double y = in.numReq("y");
        double hdg = in.numReq("hdg");
        double length = in.numReq("length");
        Geometry found = null;
        while (in.nextChild()) {
            Geometry curve = switch (in.name()) {
                case "line" -> new LineGeometry(s, x, y, hdg, length);
                case "arc" -> new ArcGeometry(s, x, y, hdg, length, in.numReq("curvature"));
                case "spiral" -> new SpiralGeometry(s, x, y, hdg, length, in.numReq("curvStart"), in.numReq("curvEnd"));
                case "poly3" -> new Poly3Geometry(s, x, y, hdg, length, in.poly(0));
                case "paramPoly3" ->
                    new ParamPoly3Geometry(
                            s,
                            x,
                            y,
                            hdg,
                            length,
                            new CubicPoly(0, in.num("aU", 0), in.num("bU", 1), in.num("cU", 0), in.num("dU", 0)),
                            new CubicPoly(0, in.num("aV", 0), in.num("bV", 0), in.num("cV", 0), in.num("dV", 0)),
                            "normalized".equals(in.attr("pRange", "normalized")));
                default -> null;
            };
            if (curve != null) {
                found = curve;
            }
            in.skip();
        }
        if (found == null) {
            throw in.fail("<geometry> at s=" + s + " has no line/arc/spiral/poly3/paramPoly3");
        }
        geometries.add(found);
    }

    private void elevationProfile() {
        while (in.nextChild()) {
            if ("elevation".equals(in.name())) {
                elevations.add(in.poly(in.num("s", 0)));
            }
            in.skip();
        }
    }
}

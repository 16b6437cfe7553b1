package dev.drivenotes.carla.map.opendrive;

import dev.drivenotes.carla.map.geometry.CubicPoly;
import dev.drivenotes.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OpenDRIVE (.xodr) file in one pass with {@link XmlScanner} (no DTD processing, no
 * external entities): header, roads (links, planView, elevation, lane offset, lane sections with
 * widths, borders and road marks, road types and speed limits, signals and signal references),
 * controllers and junctions. Anything that is not well-formed OpenDRIVE is reported as an
 * {@link InvalidInputException} on field {@code map} with one line saying what is wrong and where.
 */
public final class OpenDriveLoader {

    private OpenDriveLoader() {}

    public static OpenDriveMap load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("map", "cannot read " + file.getFileName() + ": " + e.getMessage());
        }
        return parse(bytes, file.getFileName().toString());
    }

    public static OpenDriveMap parse(InputStream in, String sourceName) {
        try {
            return parse(in.readAllBytes(), sourceName);
        } catch (IOException e) {
            throw new InvalidInputException("map", "cannot read " + sourceName + ": " + e.getMessage());
        }
    }

    static OpenDriveMap parse(byte[] bytes, String sourceName) {
        try {
            return new Parser(new XmlScanner(bytes), sourceName).run();
        } catch (XmlScanner.MalformedXmlException e) {
            throw new InvalidInputException("map", sourceName + " is not well-formed XML: " + e.getMessage());
        }
    }

    /** One parse: a stack of element names gives each element its context. */
    private static final class Parser {
        private final XmlScanner r;
        private final String source;
        private final Deque<String> path = new ArrayDeque<>();
        private final Map<String, Road> roads = new LinkedHashMap<>();
        private final Map<String, Junction> junctions = new LinkedHashMap<>();
        private final Map<String, Signal> signals = new LinkedHashMap<>();
        private final List<SignalReference> references = new ArrayList<>();
        private final Map<String, Controller> controllers = new LinkedHashMap<>();
        private String controllerId;
        private String controllerName;
        private int controllerSequence;
        private final List<String> controlled = new ArrayList<>();
        private final RoadBuilder.JunctionBuilder junctionBuilder = new RoadBuilder.JunctionBuilder();
        private MapHeader header = new MapHeader(0, 0, "", "", null);
        private RoadBuilder road;
        private boolean inGeoReference;
        private final StringBuilder text = new StringBuilder();

        Parser(XmlScanner reader, String source) {
            this.r = reader;
            this.source = source;
        }

        OpenDriveMap run() {
            boolean rootSeen = false;
            for (int event = r.next(); event != XmlScanner.EOF; event = r.next()) {
                if (event == XmlScanner.START) {
                    String name = r.name();
                    if (!rootSeen) {
                        if (!"OpenDRIVE".equals(name)) {
                            throw fail("root element is <" + name + ">, expected <OpenDRIVE>");
                        }
                        rootSeen = true;
                    }
                    start(name, path.peek());
                    path.push(name);
                } else if (event == XmlScanner.END) {
                    path.pop();
                    end(r.name());
                } else if (inGeoReference) {
                    text.append(r.text());
                }
            }
            if (!rootSeen) {
                throw new InvalidInputException("map", source + " has no <OpenDRIVE> root element");
            }
            if (roads.isEmpty()) {
                throw new InvalidInputException("map", source + " has no <road> elements");
            }
            return new OpenDriveMap(header, roads, junctions, signals, references, controllers);
        }

        private void start(String name, String parent) {
            switch (name) {
                case "header" ->
                    header = new MapHeader(
                            (int) num("revMajor", 1),
                            (int) num("revMinor", 0),
                            attr("name", ""),
                            attr("vendor", ""),
                            null);
                case "geoReference" -> {
                    inGeoReference = true;
                    text.setLength(0);
                }
                case "road" ->
                    road = new RoadBuilder(
                            req("id"), attr("name", ""), numReq("length"), attr("junction", "-1"), this::fail);
                case "junction" -> {
                    if (road == null) {
                        junctionBuilder.begin(req("id"), attr("name", ""), attr("type", "default"));
                    }
                }
                case "connection" ->
                    junctionBuilder.connection(
                            req("incomingRoad"),
                            attr("connectingRoad", attr("linkedRoad", null)),
                            contact(attr("contactPoint", "start")));
                case "laneLink" -> junctionBuilder.laneLink((int) numReq("from"), (int) numReq("to"));
                case "controller" -> {
                    if ("junction".equals(parent)) {
                        junctionBuilder.controller(req("id"));
                    } else if ("OpenDRIVE".equals(parent)) {
                        controllerId = req("id");
                        controllerName = attr("name", "");
                        controllerSequence = (int) num("sequence", -1);
                        controlled.clear();
                    }
                }
                case "control" -> {
                    if (controllerId != null) {
                        controlled.add(req("signalId"));
                    }
                }
                default -> {
                    if (road != null) {
                        roadElement(name, parent);
                    }
                }
            }
        }

        private void roadElement(String name, String parent) {
            switch (name) {
                case "predecessor", "successor" -> {
                    if ("link".equals(parent) && "road".equals(grandParent())) {
                        road.roadLink(
                                name.equals("successor"),
                                link(req("elementType"), req("elementId"), attr("contactPoint", null)));
                    } else if ("link".equals(parent) && "lane".equals(grandParent())) {
                        road.laneLink(name.equals("successor"), (int) numReq("id"));
                    }
                }
                case "speed" -> {
                    if ("type".equals(parent)) {
                        road.speed(attr("max", "no limit"), attr("unit", "m/s"));
                    }
                }
                case "type" -> {
                    if ("road".equals(parent)) {
                        road.roadType(num("s", 0), attr("type", "unknown"));
                    }
                }
                case "elevation" -> {
                    if ("elevationProfile".equals(parent)) {
                        road.elevation(poly(num("s", 0)));
                    }
                }
                case "roadMark" -> {
                    if ("lane".equals(parent)) {
                        road.roadMark(new RoadMark(
                                num("sOffset", 0),
                                RoadMark.Type.parse(attr("type", "none")),
                                attr("color", "standard"),
                                num("width", 0),
                                RoadMark.LaneChange.parse(attr("laneChange", null))));
                    }
                }
                case "signal" -> {
                    if ("signals".equals(parent)) {
                        road.signals()
                                .signal(new RoadSignals.Raw(
                                        req("id"),
                                        attr("name", ""),
                                        num("s", 0),
                                        num("t", 0),
                                        num("zOffset", 0),
                                        num("hOffset", 0),
                                        "yes".equals(attr("dynamic", "no")),
                                        SignalOrientation.parse(attr("orientation", "none")),
                                        attr("country", ""),
                                        attr("type", "-1"),
                                        attr("subtype", "-1"),
                                        num("value", Double.NaN),
                                        attr("unit", "")));
                    }
                }
                case "signalReference" -> {
                    if ("signals".equals(parent)) {
                        road.signals()
                                .reference(new SignalReference(
                                        req("id"),
                                        road.id(),
                                        num("s", 0),
                                        num("t", 0),
                                        SignalOrientation.parse(attr("orientation", "none")),
                                        List.of()));
                    }
                }
                case "validity" -> {
                    if ("signal".equals(parent) || "signalReference".equals(parent)) {
                        road.signals().validity((int) numReq("fromLane"), (int) numReq("toLane"));
                    }
                }
                case "geometry" ->
                    road.geometry(num("s", 0), numReq("x"), numReq("y"), numReq("hdg"), numReq("length"));
                case "line" -> road.line();
                case "arc" -> road.arc(numReq("curvature"));
                case "spiral" -> road.spiral(numReq("curvStart"), numReq("curvEnd"));
                case "poly3" -> road.poly3(poly(0));
                case "paramPoly3" ->
                    road.paramPoly3(
                            new CubicPoly(0, num("aU", 0), num("bU", 1), num("cU", 0), num("dU", 0)),
                            new CubicPoly(0, num("aV", 0), num("bV", 0), num("cV", 0), num("dV", 0)),
                            "normalized".equals(attr("pRange", "normalized")));
                case "laneOffset" -> road.laneOffset(poly(num("s", 0)));
                case "laneSection" -> road.laneSection(num("s", 0));
                case "lane" -> road.lane((int) numReq("id"), attr("type", "none"));
                case "width" -> {
                    if ("lane".equals(parent)) {
                        road.width(poly(num("sOffset", 0)));
                    }
                }
                case "border" -> {
                    if ("lane".equals(parent)) {
                        road.border(poly(num("sOffset", 0)));
                    }
                }
                default -> {
                    // objects, lateral profile, lane speed/material/height ...: not needed for driving
                }
            }
        }

        private void end(String name) {
            switch (name) {
                case "geoReference" -> {
                    inGeoReference = false;
                    header = new MapHeader(
                            header.revMajor(),
                            header.revMinor(),
                            header.name(),
                            header.vendor(),
                            text.toString().strip());
                }
                case "geometry" -> {
                    if (road != null) {
                        road.endGeometry();
                    }
                }
                case "lane" -> {
                    if (road != null) {
                        road.endLane();
                    }
                }
                case "laneSection" -> {
                    if (road != null) {
                        road.endLaneSection();
                    }
                }
                case "road" -> {
                    Road built = road.build();
                    if (roads.putIfAbsent(built.id(), built) != null) {
                        throw fail("duplicate road id '" + built.id() + "'");
                    }
                    for (Signal sig : road.signals().build(built)) {
                        signals.putIfAbsent(sig.id(), sig);
                    }
                    references.addAll(road.signals().references());
                    road = null;
                }
                case "signal" -> {
                    if (road != null) {
                        road.signals().endSignal();
                    }
                }
                case "signalReference" -> {
                    if (road != null) {
                        road.signals().endReference();
                    }
                }
                case "controller" -> {
                    if (controllerId != null
                            && road == null
                            && path.peek() != null
                            && path.peek().equals("OpenDRIVE")) {
                        controllers.put(
                                controllerId,
                                new Controller(controllerId, controllerName, controllerSequence, controlled));
                        controllerId = null;
                    }
                }
                case "junction" -> {
                    if (road == null && junctionBuilder.active()) {
                        Junction j = junctionBuilder.build();
                        junctions.put(j.id(), j);
                    }
                }
                default -> {
                    // nothing to close
                }
            }
        }

        private String grandParent() {
            var it = path.iterator();
            it.next();
            return it.hasNext() ? it.next() : null;
        }

        private CubicPoly poly(double start) {
            return new CubicPoly(start, num("a", 0), num("b", 0), num("c", 0), num("d", 0));
        }

        private RoadLink link(String type, String id, String contact) {
            RoadLink.ElementType t = switch (type) {
                case "road" -> RoadLink.ElementType.ROAD;
                case "junction" -> RoadLink.ElementType.JUNCTION;
                default -> throw fail("unknown link elementType '" + type + "'");
            };
            return new RoadLink(t, id, contact == null ? null : contact(contact));
        }

        private ContactPoint contact(String value) {
            return switch (value) {
                case "start" -> ContactPoint.START;
                case "end" -> ContactPoint.END;
                default -> throw fail("unknown contactPoint '" + value + "'");
            };
        }

        private String attr(String name, String fallback) {
            String v = r.attribute(name);
            return v == null ? fallback : v;
        }

        private String req(String name) {
            String v = r.attribute(name);
            if (v == null || v.isBlank()) {
                throw fail("<" + r.name() + "> lacks attribute '" + name + "'");
            }
            return v.strip();
        }

        private double num(String name, double fallback) {
            String v = r.attribute(name);
            return v == null || v.isBlank() ? fallback : parse(name, v);
        }

        private double numReq(String name) {
            return parse(name, req(name));
        }

        private double parse(String name, String v) {
            try {
                double d = Double.parseDouble(v.strip());
                if (!Double.isFinite(d)) {
                    throw fail("attribute '" + name + "' of <" + r.name() + "> is not finite");
                }
                return d;
            } catch (NumberFormatException e) {
                throw fail("attribute '" + name + "' of <" + r.name() + "> is not a number: '" + v + "'");
            }
        }

        InvalidInputException fail(String message) {
            String where = road != null ? " (road " + road.id() + ")" : "";
            return new InvalidInputException("map", source + " line " + r.line() + where + ": " + message);
        }
    }
}

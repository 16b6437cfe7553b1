package dev.drivenotes.carla.map;

import dev.drivenotes.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OpenDRIVE (.xodr) file with StAX in one pass. Keeps what driving needs: header, roads
 * (links, planView, lane offset, lane sections, road-type speed limits) and junctions. DTDs and
 * external entities are disabled. Anything that is not well-formed OpenDRIVE is reported as an
 * {@link InvalidInputException} on field {@code map} with one line saying what is wrong and where.
 */
public final class OpenDriveLoader {

    private static final XMLInputFactory FACTORY = newFactory();

    private OpenDriveLoader() {}

    public static OpenDriveMap load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new InvalidInputException("map", "cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    public static OpenDriveMap parse(InputStream in, String sourceName) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(in);
            return new Parser(reader, sourceName).run();
        } catch (XMLStreamException e) {
            String msg =
                    e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("\\s+", " ");
            throw new InvalidInputException("map", sourceName + " is not well-formed XML: " + msg);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("map", sourceName + " has a non-numeric value: " + e.getMessage());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a stream we close ourselves; nothing to recover
                }
            }
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** One parse: a stack of element names gives each element its context. */
    private static final class Parser {
        private final XMLStreamReader r;
        private final String source;
        private final Deque<String> path = new ArrayDeque<>();
        private final Map<String, Road> roads = new LinkedHashMap<>();
        private final Map<String, Junction> junctions = new LinkedHashMap<>();
        private final RoadBuilder.JunctionBuilder junctionBuilder = new RoadBuilder.JunctionBuilder();
        private MapHeader header = new MapHeader(0, 0, "", "", null);
        private RoadBuilder road;
        private boolean inGeoReference;
        private final StringBuilder text = new StringBuilder();

        Parser(XMLStreamReader reader, String source) {
            this.r = reader;
            this.source = source;
        }

        OpenDriveMap run() throws XMLStreamException {
            boolean rootSeen = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (!rootSeen) {
                        if (!"OpenDRIVE".equals(name)) {
                            throw fail("root element is <" + name + ">, expected <OpenDRIVE>");
                        }
                        rootSeen = true;
                    }
                    start(name, path.peek());
                    path.push(name);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                    end(r.getLocalName());
                } else if (inGeoReference
                        && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    text.append(r.getText());
                }
            }
            if (!rootSeen) {
                throw new InvalidInputException("map", source + " has no <OpenDRIVE> root element");
            }
            if (roads.isEmpty()) {
                throw new InvalidInputException("map", source + " has no <road> elements");
            }
            return new OpenDriveMap(header, roads, junctions);
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
                        junctionBuilder.begin(req("id"), attr("name", ""));
                    }
                }
                case "connection" ->
                    junctionBuilder.connection(
                            req("incomingRoad"), req("connectingRoad"), contact(attr("contactPoint", "start")));
                case "laneLink" -> junctionBuilder.laneLink((int) numReq("from"), (int) numReq("to"));
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
                case "type" -> road.roadType(num("s", 0));
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
                    // elevation, objects, signals, road marks ...: not needed for driving in 2D
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
                    road = null;
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
            String v = r.getAttributeValue(null, name);
            return v == null ? fallback : v;
        }

        private String req(String name) {
            String v = r.getAttributeValue(null, name);
            if (v == null || v.isBlank()) {
                throw fail("<" + r.getLocalName() + "> lacks attribute '" + name + "'");
            }
            return v.strip();
        }

        private double num(String name, double fallback) {
            String v = r.getAttributeValue(null, name);
            return v == null || v.isBlank() ? fallback : parse(name, v);
        }

        private double numReq(String name) {
            return parse(name, req(name));
        }

        private double parse(String name, String v) {
            try {
                double d = Double.parseDouble(v.strip());
                if (!Double.isFinite(d)) {
                    throw fail("attribute '" + name + "' of <" + r.getLocalName() + "> is not finite");
                }
                return d;
            } catch (NumberFormatException e) {
                throw fail("attribute '" + name + "' of <" + r.getLocalName() + "> is not a number: '" + v + "'");
            }
        }

        InvalidInputException fail(String message) {
            String where = road != null ? " (road " + road.id() + ")" : "";
            return new InvalidInputException(
                    "map", source + " line " + r.getLocation().getLineNumber() + where + ": " + message);
        }
    }
}

package dev.drivenotes.carla.town;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes a {@link TownLayout} as OpenDRIVE 1.4 XML (deterministic text for a given layout). */
final class OpenDriveWriter {

    private static final double SHOULDER_M = 0.5;
    private static final double SIDEWALK_M = 2.0;

    private final XMLStreamWriter w;
    private final StringWriter out = new StringWriter();
    private int depth;

    private OpenDriveWriter() throws XMLStreamException {
        w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    }

    static String write(TownLayout town, String name) {
        try {
            OpenDriveWriter writer = new OpenDriveWriter();
            writer.document(town, name);
            return writer.out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write OpenDRIVE for " + name, e);
        }
    }

    private void document(TownLayout town, String name) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        open("OpenDRIVE");
        empty("header", "revMajor", "1", "revMinor", "4", "name", name, "version", "1", "vendor", "DriveNotes");
        for (TownLayout.Street s : town.streets) {
            open("road", "name", s.name(), "length", num(s.lengthM()), "id", id(s.id()), "junction", "-1");
            open("link");
            empty("predecessor", "elementType", "junction", "elementId", id(s.fromJunction()));
            empty("successor", "elementType", "junction", "elementId", id(s.toJunction()));
            close();
            speed();
            planView(s.x(), s.y(), s.hdg(), s.lengthM(), 0);
            open("lanes");
            open("laneSection", "s", "0");
            open("left");
            lane(3, "sidewalk", SIDEWALK_M, null, null);
            lane(2, "shoulder", SHOULDER_M, null, null);
            lane(1, "driving", TownLayout.LANE_WIDTH_M, null, null);
            close();
            center();
            open("right");
            lane(-1, "driving", TownLayout.LANE_WIDTH_M, null, null);
            lane(-2, "shoulder", SHOULDER_M, null, null);
            lane(-3, "sidewalk", SIDEWALK_M, null, null);
            close();
            close();
            close();
            close();
        }
        for (TownLayout.Connector c : town.connectors) {
            open("road", "name", c.name(), "length", num(c.lengthM()), "id", id(c.id()), "junction", id(c.junction()));
            open("link");
            empty(
                    "predecessor",
                    "elementType",
                    "road",
                    "elementId",
                    id(c.in().streetId()),
                    "contactPoint",
                    contact(c.in()));
            empty(
                    "successor",
                    "elementType",
                    "road",
                    "elementId",
                    id(c.out().streetId()),
                    "contactPoint",
                    contact(c.out()));
            close();
            speed();
            planView(c.x(), c.y(), c.hdg(), c.lengthM(), c.curvature());
            open("lanes");
            open("laneSection", "s", "0");
            center();
            open("right");
            lane(
                    -1,
                    "driving",
                    TownLayout.LANE_WIDTH_M,
                    c.in().incomingLane(),
                    c.out().outgoingLane());
            close();
            close();
            close();
            close();
        }
        for (TownLayout.Intersection j : town.intersections) {
            open("junction", "id", id(j.id()), "name", j.name());
            int n = 0;
            for (TownLayout.Connector c : town.connectors) {
                if (c.junction() == j.id()) {
                    open(
                            "connection",
                            "id",
                            id(n++),
                            "incomingRoad",
                            id(c.in().streetId()),
                            "connectingRoad",
                            id(c.id()),
                            "contactPoint",
                            "start");
                    empty("laneLink", "from", id(c.in().incomingLane()), "to", "-1");
                    close();
                }
            }
            close();
        }
        close();
        w.writeCharacters("\n");
        w.writeEndDocument();
        w.flush();
    }

    private void speed() throws XMLStreamException {
        open("type", "s", "0", "type", "town");
        empty("speed", "max", "30", "unit", "km/h");
        close();
    }

    private void planView(double x, double y, double hdg, double length, double curvature) throws XMLStreamException {
        open("planView");
        open("geometry", "s", "0", "x", num(x), "y", num(y), "hdg", num(hdg), "length", num(length));
        if (curvature == 0) {
            empty("line");
        } else {
            empty("arc", "curvature", num(curvature));
        }
        close();
        close();
    }

    private void center() throws XMLStreamException {
        open("center");
        empty("lane", "id", "0", "type", "none", "level", "false");
        close();
    }

    private void lane(int id, String type, double width, Integer predecessor, Integer successor)
            throws XMLStreamException {
        open("lane", "id", id(id), "type", type, "level", "false");
        if (predecessor != null) {
            open("link");
            empty("predecessor", "id", id(predecessor));
            empty("successor", "id", id(successor));
            close();
        }
        empty("width", "sOffset", "0", "a", num(width), "b", "0", "c", "0", "d", "0");
        close();
    }

    private static String contact(TownLayout.Arm arm) {
        return arm.atStart() ? "start" : "end";
    }

    private void open(String name, String... attrs) throws XMLStreamException {
        indent();
        w.writeStartElement(name);
        attributes(attrs);
        depth++;
    }

    private void empty(String name, String... attrs) throws XMLStreamException {
        indent();
        w.writeEmptyElement(name);
        attributes(attrs);
    }

    private void close() throws XMLStreamException {
        depth--;
        indent();
        w.writeEndElement();
    }

    private void attributes(String... attrs) throws XMLStreamException {
        for (int i = 0; i < attrs.length; i += 2) {
            w.writeAttribute(attrs[i], attrs[i + 1]);
        }
    }

    private void indent() throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String id(int value) {
        return Integer.toString(value);
    }

    private static String num(double value) {
        return Double.toString(value);
    }
}

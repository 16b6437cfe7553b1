package dev.drivenotes.carla.map.opendrive;

import dev.drivenotes.model.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OpenDRIVE document by recursive descent: one method per element, called on its start tag,
 * reading its attributes and then its children. The header, roads ({@link RoadReader}), controllers
 * and junctions are read; other elements (junction groups, stations, user data) are skipped.
 */
final class OpenDriveReader {

    private final Elements in;
    private final String source;
    private final Map<String, Road> roads = new LinkedHashMap<>();
    private final Map<String, Junction> junctions = new LinkedHashMap<>();
    private final Map<String, Signal> signals = new LinkedHashMap<>();
    private final List<SignalReference> references = new ArrayList<>();
    private final Map<String, Controller> controllers = new LinkedHashMap<>();
    private MapHeader header = new MapHeader(0, 0, "", "", null);

    private OpenDriveReader(Elements in, String source) {
        this.in = in;
        this.source = source;
    }

    static OpenDriveMap read(XmlCursor cursor, String source) {
        if (!cursor.root()) {
            throw new InvalidInputException("map", source + " has no <OpenDRIVE> root element");
        }
        OpenDriveMap map = new OpenDriveReader(new Elements(cursor, source), source).openDrive();
        cursor.finish();
        return map;
    }

    private OpenDriveMap openDrive() {
        if (!"OpenDRIVE".equals(in.name())) {
            throw in.fail("root element is <" + in.name() + ">, expected <OpenDRIVE>");
        }
        while (in.nextChild()) {
            switch (in.name()) {
                case "header" -> header();
                case "road" -> road();
                case "controller" -> controller();
                case "junction" -> junction();
                default -> in.skip();
            }
        }
        if (roads.isEmpty()) {
            throw new InvalidInputException("map", source + " has no <road> elements");
        }
        return new OpenDriveMap(header, roads, junctions, signals, references, controllers);
    }

    private void header() {
        int revMajor = (int) in.num("revMajor", 1);
        int revMinor = (int) in.num("revMinor", 0);
        String name = in.attr("name", "");
        String vendor = in.attr("vendor", "");
        String geoReference = null;
        while (in.nextChild()) {
            if ("geoReference".equals(in.name())) {
                geoReference = in.text().strip();
            } else {
                in.skip();
            }
        }
        header = new MapHeader(revMajor, revMinor, name, vendor, geoReference);
    }

    private void road() {
        RoadReader.Result read = new RoadReader(in).read();
        Road road = read.road();
        if (roads.putIfAbsent(road.id(), road) != null) {
            throw in.fail("duplicate road id '" + road.id() + "'");
        }
        for (Signal signal : read.signals()) {
            signals.putIfAbsent(signal.id(), signal);
        }
        references.addAll(read.references());
        in.road(null);
    }

    /** A top-level controller: the signals that switch together. */
    private void controller() {
        String id = in.req("id");
        String name = in.attr("name", "");
        int sequence = (int) in.num("sequence", -1);
        List<String> controlled = new ArrayList<>();
        while (in.nextChild()) {
            if ("control".equals(in.name())) {
                controlled.add(in.req("signalId"));
            }
            in.skip();
        }
        controllers.put(id, new Controller(id, name, sequence, controlled));
    }

    private void junction() {
        String id = in.req("id");
        String name = in.attr("name", "");
        String type = in.attr("type", "default");
        List<Junction.Connection> connections = new ArrayList<>();
        List<String> controllerIds = new ArrayList<>();
        while (in.nextChild()) {
            switch (in.name()) {
                case "connection" -> connection(connections);
                case "controller" -> {
                    controllerIds.add(in.req("id"));
                    in.skip();
                }
                default -> in.skip();
            }
        }
        junctions.put(id, new Junction(id, name, type, connections, controllerIds));
    }

    /** A connection; one without a connecting (or linked) road, as in virtual junctions, is dropped. */
    private void connection(List<Junction.Connection> out) {
        String incoming = in.req("incomingRoad");
        String connecting = in.attr("connectingRoad", in.attr("linkedRoad", null));
        ContactPoint contact = in.contact(in.attr("contactPoint", "start"));
        List<int[]> laneLinks = new ArrayList<>();
        while (in.nextChild()) {
            if ("laneLink".equals(in.name())) {
                laneLinks.add(new int[] {in.intReq("from"), in.intReq("to")});
            }
            in.skip();
        }
        if (connecting != null) {
            out.add(new Junction.Connection(incoming, connecting, contact, laneLinks));
        }
    }
}

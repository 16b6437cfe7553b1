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
import java.util.function.Function;

/** Collects one road's elements while {@link OpenDriveLoader} streams through them. */
final class RoadBuilder {

    private static final double MPH_TO_MPS = 0.44704;

    private final String id;
    private final String name;
    private final double length;
    private final String junctionId;
    private final Function<String, RuntimeException> fail;
    private RoadLink predecessor;
    private RoadLink successor;
    private final List<Geometry> geometries = new ArrayList<>();
    private final List<CubicPoly> laneOffsets = new ArrayList<>();
    private final List<LaneSection> sections = new ArrayList<>();
    private final List<Road.SpeedLimit> speeds = new ArrayList<>();
    private double typeS;
    private double[] geom;
    private Geometry pending;
    private double sectionS = -1;
    private final List<Lane> left = new ArrayList<>();
    private final List<Lane> right = new ArrayList<>();
    private int laneId;
    private String laneType;
    private boolean inLane;
    private final List<CubicPoly> widths = new ArrayList<>();
    private final List<CubicPoly> borders = new ArrayList<>();
    private Integer lanePredecessor;
    private Integer laneSuccessor;
    private final List<RoadMark> marks = new ArrayList<>();
    private List<RoadMark> centerMarks = List.of();
    private final List<CubicPoly> elevations = new ArrayList<>();
    private final List<Road.RoadType> types = new ArrayList<>();
    private final RoadSignals signals = new RoadSignals();

    RoadBuilder(String id, String name, double length, String junction, Function<String, RuntimeException> fail) {
        this.id = id;
        this.name = name;
        this.length = length;
        this.junctionId = junction.equals("-1") || junction.isBlank() ? null : junction;
        this.fail = fail;
        if (length <= 0) {
            throw fail.apply("road length must be positive (was " + length + ")");
        }
    }

    String id() {
        return id;
    }

    void roadLink(boolean isSuccessor, RoadLink link) {
        if (isSuccessor) {
            successor = link;
        } else {
            predecessor = link;
        }
    }

    void laneLink(boolean isSuccessor, int lane) {
        if (isSuccessor) {
            laneSuccessor = lane;
        } else {
            lanePredecessor = lane;
        }
    }

    void roadType(double s, String type) {
        typeS = s;
        types.add(new Road.RoadType(s, type, Double.NaN));
    }

    void elevation(CubicPoly p) {
        elevations.add(p);
    }

    void roadMark(RoadMark mark) {
        if (inLane) {
            marks.add(mark);
        }
    }

    RoadSignals signals() {
        return signals;
    }

    void speed(String max, String unit) {
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
            default -> throw fail.apply("unknown speed unit '" + unit + "'");
        };
        if (mps > 0) {
            speeds.add(new Road.SpeedLimit(typeS, mps));
            if (!types.isEmpty()) {
                Road.RoadType last = types.getLast();
                types.set(types.size() - 1, new Road.RoadType(last.s(), last.type(), mps));
            }
        }
    }

    void geometry(double s, double x, double y, double hdg, double len) {
        geom = new double[] {s, x, y, hdg, len};
        pending = null;
    }

    void line() {
        pending = new LineGeometry(geom[0], geom[1], geom[2], geom[3], geom[4]);
    }

    void arc(double curvature) {
        pending = new ArcGeometry(geom[0], geom[1], geom[2], geom[3], geom[4], curvature);
    }

    void spiral(double curvStart, double curvEnd) {
        pending = new SpiralGeometry(geom[0], geom[1], geom[2], geom[3], geom[4], curvStart, curvEnd);
    }

    void poly3(CubicPoly v) {
        pending = new Poly3Geometry(geom[0], geom[1], geom[2], geom[3], geom[4], v);
    }

    void paramPoly3(CubicPoly u, CubicPoly v, boolean normalized) {
        pending = new ParamPoly3Geometry(geom[0], geom[1], geom[2], geom[3], geom[4], u, v, normalized);
    }

    void endGeometry() {
        if (pending == null) {
            throw fail.apply("<geometry> at s=" + geom[0] + " has no line/arc/spiral/poly3/paramPoly3");
        }
        geometries.add(pending);
        pending = null;
    }

    void laneOffset(CubicPoly p) {
        laneOffsets.add(p);
    }

    void laneSection(double s) {
        sectionS = s;
        left.clear();
        right.clear();
        centerMarks = List.of();
    }

    void lane(int idValue, String type) {
        inLane = true;
        laneId = idValue;
        laneType = type;
        widths.clear();
        borders.clear();
        marks.clear();
        lanePredecessor = null;
        laneSuccessor = null;
    }

    void width(CubicPoly p) {
        widths.add(p);
    }

    void border(CubicPoly p) {
        borders.add(p);
    }

    void endLane() {
        if (!inLane) {
            return;
        }
        inLane = false;
        Comparator<CubicPoly> byStart = Comparator.comparingDouble(CubicPoly::start);
        List<RoadMark> sortedMarks = marks.stream()
                .sorted(Comparator.comparingDouble(RoadMark::sOffset))
                .toList();
        if (laneId == 0) {
            centerMarks = sortedMarks;
            return;
        }
        Lane lane = new Lane(
                laneId,
                laneType,
                widths.stream().sorted(byStart).toList(),
                borders.stream().sorted(byStart).toList(),
                lanePredecessor,
                laneSuccessor,
                sortedMarks);
        if (laneId > 0) {
            left.add(lane);
        } else if (laneId < 0) {
            right.add(lane);
        }
    }

    void endLaneSection() {
        left.sort(Comparator.comparingInt(Lane::id));
        right.sort(Comparator.comparingInt(l -> -l.id()));
        checkConsecutive(left, 1);
        checkConsecutive(right, -1);
        sections.add(new LaneSection(sectionS, left, right, centerMarks));
    }

    private void checkConsecutive(List<Lane> lanes, int step) {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).id() != step * (i + 1)) {
                throw fail.apply("lane ids of the section at s=" + sectionS + " are not consecutive");
            }
        }
    }

    Road build() {
        if (geometries.isEmpty()) {
            throw fail.apply("road has no planView geometry");
        }
        if (sections.isEmpty()) {
            throw fail.apply("road has no lane section");
        }
        geometries.sort(Comparator.comparingDouble(Geometry::s));
        sections.sort(Comparator.comparingDouble(LaneSection::s));
        laneOffsets.sort(Comparator.comparingDouble(CubicPoly::start));
        speeds.sort(Comparator.comparingDouble(Road.SpeedLimit::s));
        elevations.sort(Comparator.comparingDouble(CubicPoly::start));
        types.sort(Comparator.comparingDouble(Road.RoadType::s));
        return new Road(
                id,
                name,
                length,
                junctionId,
                predecessor,
                successor,
                geometries,
                laneOffsets,
                sections,
                speeds,
                elevations,
                types);
    }

    /** Collects one junction and its connections. */
    static final class JunctionBuilder {
        private String id;
        private String name;
        private String type;
        private final List<String> controllerIds = new ArrayList<>();
        private final List<Junction.Connection> connections = new ArrayList<>();
        private String incoming;
        private String connecting;
        private ContactPoint contact;
        private final List<int[]> links = new ArrayList<>();

        void begin(String junctionId, String junctionName, String junctionType) {
            id = junctionId;
            name = junctionName;
            type = junctionType;
            connections.clear();
            controllerIds.clear();
            incoming = null;
        }

        void controller(String controllerId) {
            controllerIds.add(controllerId);
        }

        boolean active() {
            return id != null;
        }

        void connection(String incomingRoad, String connectingRoad, ContactPoint contactPoint) {
            flush();
            incoming = incomingRoad;
            connecting = connectingRoad;
            contact = contactPoint;
        }

        void laneLink(int from, int to) {
            links.add(new int[] {from, to});
        }

        private void flush() {
            if (incoming != null && connecting != null) {
                connections.add(new Junction.Connection(incoming, connecting, contact, links));
            }
            incoming = null;
            links.clear();
        }

        Junction build() {
            flush();
            Junction j = new Junction(id, name, type, connections, controllerIds);
            id = null;
            return j;
        }
    }
}

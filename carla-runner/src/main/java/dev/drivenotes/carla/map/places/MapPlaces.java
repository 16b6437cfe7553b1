package dev.drivenotes.carla.map.places;

import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.lanes.JunctionExits;
import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.lanes.LanePosition;
import dev.drivenotes.carla.map.opendrive.Junction;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.opendrive.Road;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.map.NamedPlace;
import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.PlaceKind;
import dev.drivenotes.model.map.RoadLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names a map's places: junction footprints with their legal maneuvers, POIs (from the sidecar, or
 * derived mid-block) and road polylines. Also anchors every junction and POI on the lane graph so
 * routes can start and end there.
 */
public final class MapPlaces {

    static final double DERIVED_POI_MIN_ROAD_M = 60;
    static final double POI_MIN_JUNCTION_CLEARANCE_M = 30;
    static final double DEFAULT_POI_RADIUS_M = 9;
    private static final double ROAD_SAMPLE_M = 2;

    /** The directory and the lane positions where each named junction or POI can be reached. */
    public record Result(PlaceDirectory directory, Map<String, List<LanePosition>> anchors) {}

    private final OpenDriveMap map;
    private final LaneGraph graph;
    private final PlacesFile sidecar;
    private final Map<String, String> roadNames = new HashMap<>();
    private final Map<String, String> junctionNames = new HashMap<>();
    private final Map<String, List<LanePosition>> anchors = new LinkedHashMap<>();

    private MapPlaces(OpenDriveMap map, LaneGraph graph, PlacesFile sidecar) {
        this.map = map;
        this.graph = graph;
        this.sidecar = sidecar;
        sidecar.roads().forEach(n -> roadNames.put(n.id(), n.name()));
        sidecar.junctions().forEach(n -> junctionNames.put(n.id(), n.name()));
    }

    /** @param sidecar the map's places file, or null to derive every name */
    public static Result build(String mapRef, OpenDriveMap map, LaneGraph graph, PlacesFile sidecar) {
        MapPlaces p = new MapPlaces(map, graph, sidecar == null ? new PlacesFile(null, null, null) : sidecar);
        List<NamedPlace> junctions = p.junctions();
        List<NamedPlace> pois =
                sidecar != null && !sidecar.pois().isEmpty() ? p.sidecarPois() : p.derivedPois(junctions);
        for (NamedPlace poi : pois) {
            p.anchors.put(poi.name(), p.anchorsNear(poi.center(), poi.radiusM()));
        }
        return new Result(new PlaceDirectory(mapRef, junctions, pois, p.roadLines()), p.anchors);
    }

    String roadName(Road road) {
        String named = roadNames.get(road.id());
        if (named != null) {
            return named;
        }
        return road.name() == null || road.name().isBlank() ? "Road " + road.id() : road.name();
    }

    private List<NamedPlace> junctions() {
        List<NamedPlace> out = new ArrayList<>();
        for (Junction j : map.junctions().values()) {
            List<double[]> pts = new ArrayList<>();
            double[] pose = new double[3];
            for (Road r : map.roads().values()) {
                if (j.id().equals(r.junctionId())) {
                    int n = Math.max(2, (int) Math.ceil(r.length() / ROAD_SAMPLE_M) + 1);
                    for (int i = 0; i < n; i++) {
                        r.referencePose(r.length() * i / (n - 1), pose);
                        pts.add(new double[] {pose[0], pose[1]});
                    }
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            double cx = pts.stream().mapToDouble(q -> q[0]).average().orElseThrow();
            double cy = pts.stream().mapToDouble(q -> q[1]).average().orElseThrow();
            double radius = pts.stream()
                            .mapToDouble(q -> Math.hypot(q[0] - cx, q[1] - cy))
                            .max()
                            .orElseThrow()
                    + 1;
            String name = junctionNames.getOrDefault(j.id(), "Junction " + j.id());
            out.add(new NamedPlace(
                    name, PlaceKind.JUNCTION, j.id(), new MapPoint(cx, cy), radius, JunctionExits.of(graph, j.id())));
            anchors.put(name, junctionEntries(j.id()));
        }
        return out;
    }

    private List<LanePosition> junctionEntries(String junctionId) {
        List<LanePosition> out = new ArrayList<>();
        for (LaneNode n : graph.nodes()) {
            if (n.junctionId() == null) {
                for (int s : graph.successors(n.index())) {
                    if (junctionId.equals(graph.node(s).junctionId())) {
                        out.add(new LanePosition(n.index(), n.lengthM()));
                        break;
                    }
                }
            }
        }
        return out;
    }

    private List<NamedPlace> sidecarPois() {
        List<NamedPlace> out = new ArrayList<>();
        for (PlacesFile.Poi poi : sidecar.pois()) {
            MapPoint centre;
            if (poi.roadId() != null && poi.s() != null) {
                Road road = map.roads().get(poi.roadId());
                if (road == null) {
                    throw new InvalidInputException(
                            "map", "places file: POI '" + poi.name() + "' is on unknown road " + poi.roadId());
                }
                centre = RoadSampling.pointOn(road, Math.max(0, Math.min(road.length(), poi.s())), poi.lane());
            } else {
                centre = new MapPoint(poi.x(), poi.y());
            }
            double radius = poi.radiusM() == null ? DEFAULT_POI_RADIUS_M : poi.radiusM();
            out.add(new NamedPlace(poi.name(), PlaceKind.POI, "poi-" + (out.size() + 1), centre, radius, List.of()));
        }
        return out;
    }

    private List<NamedPlace> derivedPois(List<NamedPlace> junctions) {
        List<NamedPlace> out = new ArrayList<>();
        for (Road road : map.roads().values()) {
            if (road.inJunction() || road.length() < DERIVED_POI_MIN_ROAD_M || !road.hasDrivingLane()) {
                continue;
            }
            MapPoint c = RoadSampling.pointOn(road, road.length() / 2, null);
            boolean clear = junctions.stream()
                    .allMatch(j -> Math.hypot(
                                            c.x() - j.center().x(),
                                            c.y() - j.center().y())
                                    - j.radiusM()
                            >= POI_MIN_JUNCTION_CLEARANCE_M);
            if (clear) {
                out.add(new NamedPlace(
                        "POI " + road.id(), PlaceKind.POI, road.id(), c, DEFAULT_POI_RADIUS_M, List.of()));
            }
        }
        return out;
    }

    /** The nearest point of every non-junction lane that passes within {@code radius} of {@code c}. */
    private List<LanePosition> anchorsNear(MapPoint c, double radius) {
        List<LanePosition> out = new ArrayList<>();
        double[] nearest = new double[3];
        for (LaneNode n : graph.nodes()) {
            if (n.junctionId() != null) {
                continue;
            }
            Polyline line = n.polyline();
            double alongM = line.project(c.x(), c.y(), 0, Double.POSITIVE_INFINITY);
            line.pointAt(alongM, nearest);
            if (Math.hypot(nearest[0] - c.x(), nearest[1] - c.y()) <= radius) {
                out.add(new LanePosition(n.index(), alongM));
            }
        }
        return out;
    }

    private List<RoadLine> roadLines() {
        List<RoadLine> out = new ArrayList<>();
        for (Road road : map.roads().values()) {
            if (!road.hasDrivingLane()) {
                continue;
            }
            RoadSampling.Line line = RoadSampling.drivableMiddle(road, ROAD_SAMPLE_M);
            out.add(new RoadLine(road.id(), roadName(road), line.halfWidthM() + 0.5, line.points()));
        }
        return out;
    }
}

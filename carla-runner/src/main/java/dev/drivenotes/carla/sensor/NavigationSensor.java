package dev.drivenotes.carla.sensor;

import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.map.routing.Route;
import dev.drivenotes.model.map.NamedPlace;
import dev.drivenotes.model.map.PlaceMatcher;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Waypoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The navigation system: tracks progress along the planned route (monotone projection of the
 * vehicle position) and answers what the agent is told about the route — waypoints ahead, the next
 * maneuver, the next POI, distance to go and the speed limit of the route lane.
 */
public final class NavigationSensor {

    public static final int WAYPOINT_COUNT = 10;
    public static final double WAYPOINT_SPACING_M = 2.0;
    static final double PROJECTION_WINDOW_M = 30;

    private final PlannedRoute plan;
    private final Route route;
    private final LaneGraph graph;
    private final PlaceMatcher matcher;
    private final double[] point = new double[3];
    private double progressM;
    private int poiIndex;

    public NavigationSensor(PlannedRoute plan, LaneGraph graph, PlaceMatcher matcher) {
        this.plan = plan;
        this.route = plan.route();
        this.graph = graph;
        this.matcher = matcher;
    }

    /** Advances route progress and reached POIs from the vehicle's true position. */
    public void update(double x, double y) {
        progressM = Math.max(progressM, route.polyline().project(x, y, progressM, PROJECTION_WINDOW_M));
        int last = plan.pois().size() - 1;
        while (poiIndex < last
                && (progressM > plan.poiExitM(poiIndex) || reached(plan.pois().get(poiIndex), x, y))) {
            poiIndex++;
        }
    }

    private boolean reached(String poi, double x, double y) {
        NamedPlace at = matcher.poiAt(x, y);
        return at != null && at.name().equals(poi);
    }

    public double progressM() {
        return progressM;
    }

    public double completion() {
        return Math.min(1, progressM / route.lengthM());
    }

    public double distanceToGoM() {
        return Math.max(0, route.lengthM() - progressM);
    }

    /** Euclidean distance from (x, y) to the route's end. */
    public double distanceToEndM(double x, double y) {
        route.polyline().pointAt(route.lengthM(), point);
        return Math.hypot(point[0] - x, point[1] - y);
    }

    /** The next {@link #WAYPOINT_COUNT} route points, 2 m apart ahead of the progress, in the ego frame. */
    public List<Waypoint> waypoints(double x, double y, double yawRad) {
        double cos = Math.cos(yawRad);
        double sin = Math.sin(yawRad);
        List<Waypoint> out = new ArrayList<>(WAYPOINT_COUNT);
        for (int k = 1; k <= WAYPOINT_COUNT; k++) {
            route.polyline().pointAt(progressM + k * WAYPOINT_SPACING_M, point);
            double dx = point[0] - x;
            double dy = point[1] - y;
            out.add(new Waypoint(dx * cos + dy * sin, -dx * sin + dy * cos));
        }
        return out;
    }

    /** The junction traversal the progress is in or before next, or null when none remains. */
    private Route.JunctionTraversal upcoming() {
        for (Route.JunctionTraversal t : route.junctions()) {
            if (progressM < t.exitM()) {
                return t;
            }
        }
        return null;
    }

    public Maneuver nextManeuver() {
        Route.JunctionTraversal t = upcoming();
        return t == null ? Maneuver.FOLLOW_LANE : t.maneuver();
    }

    /** 0 inside a junction; distance to the next junction entry; distance to go when none remains. */
    public double distanceToManeuverM() {
        Route.JunctionTraversal t = upcoming();
        return t == null ? distanceToGoM() : Math.max(0, t.entryM() - progressM);
    }

    public String nextPoi() {
        return plan.pois().get(poiIndex);
    }

    public double speedLimitMps() {
        int vertex = route.polyline().segmentAt(progressM);
        return graph.node(route.nodeAtVertex(vertex)).speedLimitMps();
    }
}

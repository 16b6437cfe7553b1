package dev.drivenotes.carla.sensor;

import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LanePosition;
import dev.drivenotes.carla.map.places.PlaceRouter;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.map.routing.Route;
import dev.drivenotes.model.map.NamedPlace;
import dev.drivenotes.model.map.PlaceMatcher;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Waypoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The navigation system: tracks progress along the planned route (monotone projection of the
 * vehicle position) and answers what the agent is told about the route — waypoints ahead, the next
 * maneuver, the next POI, distance to go and the speed limit of the route lane.
 *
 * <p>It replans as a car's navigation does. The ego is off its route when its centre is more than
 * {@link #OFF_ROUTE_M} (about a lane and a half) from the route point at its progress and the lane
 * it is matched to is not one of the route's; once that has held for {@link #OFF_ROUTE_S} in a row,
 * the navigation plans the shortest lane route from the ego's lane position to the same destination
 * and describes that plan from then on. Hysteresis: the off-route time only resets once the ego is
 * back within {@link #ON_ROUTE_M} of the route (between the two it neither grows nor resets), and a
 * failed replan (no lane under the ego, or no route from it) waits another {@link #OFF_ROUTE_S}.
 *
 * <p>The navigation uses the ego's true pose, as its progress tracking always has: a car's
 * navigation map-matches its GNSS with dead reckoning to about a lane, which the true pose stands
 * for; the agent's own, noisier localisation is what its notes report (reporter's {@code
 * Localisation}), so GNSS noise never replans and never moves the route the agent is told.
 */
public final class NavigationSensor {

    public static final int WAYPOINT_COUNT = 10;
    public static final double WAYPOINT_SPACING_M = 2.0;
    static final double PROJECTION_WINDOW_M = 30;
    /** Off the route beyond this distance from it (on a lane the route does not use). */
    public static final double OFF_ROUTE_M = 5.0;
    /** Back on the route within this distance of it. */
    public static final double ON_ROUTE_M = 2.0;
    /** How long the ego must be off its route before the navigation replans. */
    public static final double OFF_ROUTE_S = 1.0;

    private final LaneGraph graph;
    private final PlaceMatcher matcher;
    private final PlaceRouter router;
    private final double dtS;
    private final double originalLengthM;
    private final double[] point = new double[3];
    private PlannedRoute plan;
    private Route route;
    private double progressM;
    private int poiIndex;
    private double offRouteS;
    private int replans;
    private boolean replanned;
    private double completionBeforeReplan;

    /** @param dtS the simulation's fixed time step */
    public NavigationSensor(PlannedRoute plan, LaneGraph graph, PlaceMatcher matcher, PlaceRouter router, double dtS) {
        this.plan = plan;
        this.route = plan.route();
        this.graph = graph;
        this.matcher = matcher;
        this.router = router;
        this.dtS = dtS;
        this.originalLengthM = route.lengthM();
    }

    /**
     * Advances route progress and reached POIs from the vehicle's true position, replanning when
     * the ego has been off its route long enough (see the class comment).
     *
     * @param laneNode the lane node the ego is matched to, or -1 when none is near
     * @param laneAlongM the ego's distance along that lane
     */
    public void update(double x, double y, int laneNode, double laneAlongM) {
        replanned = false;
        advance(x, y);
        route.polyline().pointAt(progressM, point);
        double fromRouteM = Math.hypot(point[0] - x, point[1] - y);
        if (fromRouteM > OFF_ROUTE_M && (laneNode < 0 || !route.uses(laneNode))) {
            offRouteS += dtS;
        } else if (fromRouteM <= ON_ROUTE_M) {
            offRouteS = 0;
        }
        if (offRouteS >= OFF_ROUTE_S - 1e-9) {
            offRouteS = 0;
            if (laneNode >= 0) {
                replan(x, y, new LanePosition(laneNode, laneAlongM));
            }
        }
    }

    private void advance(double x, double y) {
        progressM = Math.max(progressM, route.polyline().project(x, y, progressM, PROJECTION_WINDOW_M));
        int last = plan.pois().size() - 1;
        while (poiIndex < last
                && (progressM > plan.poiExitM(poiIndex) || reached(plan.pois().get(poiIndex), x, y))) {
            poiIndex++;
        }
    }

    private void replan(double x, double y, LanePosition from) {
        Optional<PlannedRoute> next = router.replan(from, matcher.match(x, y), plan);
        if (next.isEmpty()) {
            return;
        }
        completionBeforeReplan = completion();
        plan = next.get();
        route = plan.route();
        progressM = 0;
        poiIndex = 0;
        replans++;
        replanned = true;
        advance(x, y);
    }

    /** Whether the last {@link #update} replanned. */
    public boolean replanned() {
        return replanned;
    }

    /** How many times the navigation has replanned. */
    public int replans() {
        return replans;
    }

    /** The plan the navigation follows now. */
    public PlannedRoute plan() {
        return plan;
    }

    private boolean reached(String poi, double x, double y) {
        NamedPlace at = matcher.poiAt(x, y);
        return at != null && at.name().equals(poi);
    }

    public double progressM() {
        return progressM;
    }

    /**
     * Share of the first plan's length made good towards the destination: the progress along it
     * until a replan; afterwards 1 − distance to go on the new plan ÷ the first plan's length, never
     * below what was reached before (a detour does not undo it).
     */
    public double completion() {
        if (replans == 0) {
            return Math.min(1, progressM / route.lengthM());
        }
        return Math.clamp(1 - distanceToGoM() / originalLengthM, completionBeforeReplan, 1);
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

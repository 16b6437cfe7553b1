package dev.drivenotes.carla.map.places;

import dev.drivenotes.carla.map.routing.Route;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.RouteInfo;
import java.util.List;

/**
 * A route between two named places, with the POIs it passes.
 *
 * @param pois POIs along the route after the start, in order, ending with the destination
 * @param poiExitM for each POI, the route distance where the route leaves its footprint
 */
public record PlannedRoute(Route route, String start, String destination, List<String> pois, double[] poiExitM) {

    public PlannedRoute {
        pois = List.copyOf(pois);
        poiExitM = poiExitM.clone();
    }

    public RouteInfo info() {
        List<Maneuver> maneuvers = route.junctions().stream()
                .map(Route.JunctionTraversal::maneuver)
                .toList();
        return new RouteInfo(start, destination, route.lengthM(), pois, maneuvers);
    }

    public double poiExitM(int i) {
        return poiExitM[i];
    }
}

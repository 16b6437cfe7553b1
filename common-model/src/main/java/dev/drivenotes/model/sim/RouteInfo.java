package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;
import java.util.List;

/**
 * The planned route of a simulation.
 *
 * @param start the named place where the ego starts
 * @param destination the POI the ego must reach
 * @param lengthM route length along the lane centre
 * @param pois named places the route passes, in order, ending with the destination
 * @param maneuvers the junction maneuvers along the route, in order
 */
public record RouteInfo(String start, String destination, double lengthM, List<String> pois, List<Maneuver> maneuvers) {
    public RouteInfo {
        Require.notBlank("start", start);
        Require.notBlank("destination", destination);
        Require.positive("lengthM", lengthM);
        pois = List.copyOf(Require.noNullElements("pois", pois));
        maneuvers = List.copyOf(Require.noNullElements("maneuvers", maneuvers));
    }
}

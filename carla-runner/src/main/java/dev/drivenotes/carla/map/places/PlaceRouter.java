package dev.drivenotes.carla.map.places;

import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.lanes.LanePosition;
import dev.drivenotes.carla.map.routing.Route;
import dev.drivenotes.carla.map.routing.RoutePlanner;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.map.NamedPlace;
import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.sim.RouteSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans the shortest lane route between two named places of a map (POIs or junctions). */
public final class PlaceRouter {

    private static final double MIN_ROUTE_M = 1.0;

    private final PlaceDirectory places;
    private final Map<String, List<LanePosition>> anchors;
    private final RoutePlanner planner;

    /** @param anchors the lane positions where each named place can be reached (see {@link MapPlaces}) */
    public PlaceRouter(PlaceDirectory places, Map<String, List<LanePosition>> anchors, RoutePlanner planner) {
        this.places = places;
        this.anchors = Map.copyOf(anchors);
        this.planner = planner;
    }

    public boolean knows(String place) {
        return anchors.containsKey(place);
    }

    /**
     * The shortest route between two places a client named.
     *
     * @throws InvalidInputException naming {@code from} or {@code to} for a place this map does not
     *     have, or {@code to} when no drivable route leads there
     */
    public PlannedRoute planNamed(RouteSpec route) {
        requireKnown("from", route.from());
        requireKnown("to", route.to());
        return plan(route.from(), route.to())
                .orElseThrow(() -> new InvalidInputException(
                        "to",
                        "no drivable route from '" + route.from() + "' to '" + route.to() + "' on " + places.map()));
    }

    private void requireKnown(String field, String place) {
        if (!knows(place)) {
            throw new InvalidInputException(
                    field, "unknown place '" + place + "' on " + places.map() + " (use a POI or junction name)");
        }
    }

    /** The shortest route over every lane anchor pair of the two places, if one exists. */
    public Optional<PlannedRoute> plan(String from, String to) {
        List<LanePosition> starts = anchors.getOrDefault(from, List.of());
        List<LanePosition> ends = anchors.getOrDefault(to, List.of());
        Route best = null;
        for (LanePosition s : starts) {
            for (LanePosition e : ends) {
                Optional<Route> r = planner.plan(s, e);
                if (r.isPresent()
                        && r.get().lengthM() >= MIN_ROUTE_M
                        && (best == null || r.get().lengthM() < best.lengthM())) {
                    best = r.get();
                }
            }
        }
        return Optional.ofNullable(best).map(r -> withPois(r, from, to));
    }

    /**
     * A new plan from a lane position to where {@code old} ends (same destination, same lane position
     * there), if the lane graph leads there; the POIs it passes are counted from {@code fromPlace}
     * (the named place at the start, never its own next POI).
     */
    public Optional<PlannedRoute> replan(LanePosition from, String fromPlace, PlannedRoute old) {
        return planner.plan(from, old.route().end())
                .filter(r -> r.lengthM() >= MIN_ROUTE_M)
                .map(r -> withPois(r, fromPlace, old.destination()));
    }

    private PlannedRoute withPois(Route route, String from, String to) {
        record Passed(String name, double entryM, double exitM) {}
        List<Passed> passed = new ArrayList<>();
        for (NamedPlace poi : places.pois()) {
            if (poi.name().equals(from)) {
                continue;
            }
            double entry = -1;
            double exit = -1;
            Polyline path = route.polyline();
            for (int i = 0; i < path.pointCount(); i++) {
                if (poi.contains(path.x(i), path.y(i))) {
                    if (entry < 0) {
                        entry = path.cumM(i);
                    }
                    exit = path.cumM(i);
                } else if (entry >= 0) {
                    break;
                }
            }
            if (poi.name().equals(to)) {
                passed.add(new Passed(to, Double.POSITIVE_INFINITY, route.lengthM()));
            } else if (entry >= 0) {
                passed.add(new Passed(poi.name(), entry, exit));
            }
        }
        if (passed.stream().noneMatch(p -> p.name().equals(to))) {
            passed.add(new Passed(to, Double.POSITIVE_INFINITY, route.lengthM()));
        }
        passed.sort(Comparator.comparingDouble(Passed::entryM));
        return new PlannedRoute(
                route,
                from,
                to,
                passed.stream().map(Passed::name).toList(),
                passed.stream().mapToDouble(Passed::exitM).toArray());
    }
}

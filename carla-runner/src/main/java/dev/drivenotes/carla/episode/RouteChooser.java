package dev.drivenotes.carla.episode;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.places.PlaceRouter;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.map.NamedPlace;
import dev.drivenotes.model.sim.RouteSpec;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Picks a simulation's route: the requested one, or — from the seed — a random start POI and a
 * different destination POI joined by a route of at least {@link #MIN_LENGTH_M} through at least
 * one junction (the longest route tried when no pair qualifies).
 */
public final class RouteChooser {

    public static final double MIN_LENGTH_M = 250;
    private static final int ATTEMPTS = 64;

    private RouteChooser() {}

    public static PlannedRoute choose(LoadedMap map, long seed, RouteSpec spec) {
        PlaceRouter router = map.router();
        if (spec != null) {
            try {
                return router.planNamed(spec);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("route." + e.field(), e.reason());
            }
        }
        List<String> pois = map.places().pois().stream().map(NamedPlace::name).toList();
        if (pois.size() < 2) {
            throw new InvalidInputException("map", map.ref() + " has fewer than two POIs to choose a route between");
        }
        SplittableRandom random = new SplittableRandom(seed);
        PlannedRoute fallback = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            int a = random.nextInt(pois.size());
            int b = random.nextInt(pois.size() - 1);
            String from = pois.get(a);
            String to = pois.get(b >= a ? b + 1 : b);
            Optional<PlannedRoute> route = router.plan(from, to);
            if (route.isEmpty()) {
                continue;
            }
            PlannedRoute r = route.get();
            if (r.route().lengthM() >= MIN_LENGTH_M && !r.route().junctions().isEmpty()) {
                return r;
            }
            if (fallback == null || r.route().lengthM() > fallback.route().lengthM()) {
                fallback = r;
            }
        }
        if (fallback == null) {
            throw new InvalidInputException("map", map.ref() + " has no two POIs joined by a drivable route");
        }
        return fallback;
    }
}

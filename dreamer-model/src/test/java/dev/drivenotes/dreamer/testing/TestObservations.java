package dev.drivenotes.dreamer.testing;

import dev.drivenotes.model.sim.BirdEyeRaster;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.Waypoint;
import dev.drivenotes.model.testing.ObservationBuilder;
import java.util.ArrayList;
import java.util.List;

/** Observations for tests: routes as ego-frame polylines, everything else explicit. */
public final class TestObservations {

    public static final double TOWN_LIMIT_MPS = 30 / 3.6;

    private TestObservations() {}

    /** Waypoints every metre straight ahead, from 1 m to {@code lengthM}. */
    public static List<Waypoint> straight(double lengthM) {
        List<Waypoint> points = new ArrayList<>();
        for (int i = 1; i <= lengthM; i++) {
            points.add(new Waypoint(i, 0));
        }
        return points;
    }

    /**
     * Waypoints every metre along a circle of radius {@code radiusM} tangent to the x axis at the
     * origin, bending left (y > 0) when {@code left}, else right.
     */
    public static List<Waypoint> arc(double radiusM, boolean left, double lengthM) {
        List<Waypoint> points = new ArrayList<>();
        double sign = left ? 1 : -1;
        for (int i = 1; i <= lengthM; i++) {
            double angle = i / radiusM;
            points.add(new Waypoint(radiusM * Math.sin(angle), sign * radiusM * (1 - Math.cos(angle))));
        }
        return points;
    }

    public static Observation cruising(double speedMps, List<Waypoint> route, double distanceToGoM) {
        return observation(speedMps, route, Maneuver.FOLLOW_LANE, distanceToGoM, distanceToGoM);
    }

    public static Observation nearManeuver(
            Maneuver maneuver, double distanceToManeuverM, double distanceToGoM, List<Waypoint> route) {
        return observation(5, route, maneuver, distanceToManeuverM, distanceToGoM);
    }

    /** {@code o} heading to another POI. */
    public static Observation towards(String poi, Observation o) {
        return copy(o, poi, o.birdEye());
    }

    /** {@code o} with an empty bird's-eye raster of {@code sizePx} (lanes, route, vehicles). */
    public static Observation withBirdEye(Observation o, int sizePx) {
        BirdEyeRaster raster = new BirdEyeRaster(
                sizePx, 32.0 / sizePx, List.of("lanes", "route", "vehicles"), new byte[3 * sizePx * sizePx]);
        return copy(o, o.nextPoi(), raster);
    }

    private static Observation observation(
            double speedMps, List<Waypoint> route, Maneuver next, double distanceToManeuverM, double distanceToGoM) {
        return ObservationBuilder.observation()
                .speedMps(speedMps)
                .route(route)
                .nextManeuver(next, distanceToManeuverM)
                .nextPoi("Bakery", distanceToGoM)
                .speedLimitMps(TOWN_LIMIT_MPS)
                .build();
    }

    private static Observation copy(Observation o, String nextPoi, BirdEyeRaster birdEye) {
        return ObservationBuilder.from(o)
                .nextPoi(nextPoi, o.distanceToGoM())
                .birdEye(birdEye)
                .build();
    }
}

package dev.drivenotes.carla.episode;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.map.routing.Route;
import dev.drivenotes.model.map.NamedPlace;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;
import java.util.ArrayList;
import java.util.List;

/**
 * Missed turns for tests: a planned route and another from the same start lane that leaves their
 * first junction by another maneuver, and an episode whose ego's true poses follow the other one.
 */
public final class MissedTurnFixtures {

    public static final double STEP_S = 0.05;
    public static final double SPEED_MPS = 6;

    private MissedTurnFixtures() {}

    /** The route the navigation planned and the one the ego drove. */
    public record MissedTurn(PlannedRoute planned, PlannedRoute driven) {}

    public static MissedTurn find(LoadedMap map) {
        List<String> pois = map.places().pois().stream().map(NamedPlace::name).toList();
        for (String from : pois) {
            List<PlannedRoute> routes = new ArrayList<>();
            for (String to : pois) {
                if (!to.equals(from)) {
                    map.router().plan(from, to).ifPresent(routes::add);
                }
            }
            for (PlannedRoute a : routes) {
                for (PlannedRoute b : routes) {
                    if (diverge(a.route(), b.route())) {
                        return new MissedTurn(a, b);
                    }
                }
            }
        }
        throw new AssertionError(map.ref() + " has no two routes parting at their first junction");
    }

    /** Same start lane and first junction, another maneuver there, and the other continues 60 m past it. */
    private static boolean diverge(Route a, Route b) {
        if (a.junctions().isEmpty() || b.junctions().isEmpty() || a.nodes()[0] != b.nodes()[0]) {
            return false;
        }
        Route.JunctionTraversal ja = a.junctions().getFirst();
        Route.JunctionTraversal jb = b.junctions().getFirst();
        return ja.junctionId().equals(jb.junctionId())
                && ja.maneuver() != jb.maneuver()
                && b.lengthM() > jb.exitM() + 60
                && a.lengthM() > ja.exitM() + 20;
    }

    /** An episode on {@code plan} with 5 m GNSS noise and no traffic. */
    public static EgoEpisode episode(LoadedMap map, PlannedRoute plan) {
        CreateSimulationRequest request =
                new CreateSimulationRequest(map.ref(), 3, null, 20_000, 0, 5, 0, STEP_S, null, 0, null);
        double[] start = new double[3];
        plan.route().polyline().pointAt(0, start);
        return new EgoEpisode("missed-turn", request, map, plan, start[0], start[1]);
    }

    /** Drives the ego's true pose along {@code path} at {@link #SPEED_MPS} for as long as the path lasts. */
    public static List<SimulationState> driveAlong(EgoEpisode episode, Polyline path) {
        double[] p = new double[3];
        List<SimulationState> states = new ArrayList<>();
        path.pointAt(0, p);
        episode.sense(p[0], p[1], p[2], SPEED_MPS);
        states.add(episode.start(p[0], p[1], p[2], SPEED_MPS, 0));
        for (double s = SPEED_MPS * STEP_S;
                s < path.lengthM() - 1 && !states.getLast().done();
                s += SPEED_MPS * STEP_S) {
            path.pointAt(s, p);
            episode.sense(p[0], p[1], p[2], SPEED_MPS);
            episode.moveTraffic();
            states.add(episode.advance(p[0], p[1], p[2], SPEED_MPS, 0, null));
        }
        return states;
    }
}

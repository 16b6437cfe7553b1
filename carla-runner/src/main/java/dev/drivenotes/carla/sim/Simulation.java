package dev.drivenotes.carla.sim;

import dev.drivenotes.carla.map.LaneIndex;
import dev.drivenotes.carla.map.LaneNode;
import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.PlannedRoute;
import dev.drivenotes.carla.sensor.Gnss;
import dev.drivenotes.carla.sensor.NavigationSensor;
import dev.drivenotes.carla.vehicle.KinematicBicycle;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.Pose;
import dev.drivenotes.model.sim.RouteInfo;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;

/**
 * One episode: the ego vehicle on a planned route. Each {@link #step} applies a control for one
 * fixed step, map-matches the true pose, and builds ground truth and the observation. Steps are
 * serialised per simulation; the result is a pure function of map, seed and controls.
 */
final class Simulation {

    /** The ego counts as off-road when its centre is this far outside every driving lane. */
    static final double OFF_ROAD_M = 1.0;
    /** The destination is reached within this distance of the route end. */
    static final double ARRIVAL_M = 3.0;

    private final String id;
    private final CreateSimulationRequest request;
    private final LoadedMap map;
    private final PlannedRoute plan;
    private final RouteInfo routeInfo;
    private final KinematicBicycle ego;
    private final Gnss gnss;
    private final NavigationSensor navigation;
    private final LaneIndex.Match match = new LaneIndex.Match();
    private final double[] point = new double[3];
    private int step;
    private SimulationState state;

    Simulation(String id, CreateSimulationRequest request, LoadedMap map, PlannedRoute plan) {
        this.id = id;
        this.request = request;
        this.map = map;
        this.plan = plan;
        this.routeInfo = plan.info();
        plan.route().pointAt(0, point);
        this.ego = KinematicBicycle.atCentre(point[0], point[1], point[2]);
        this.gnss = new Gnss(request.seed() * 0x9E3779B97F4A7C15L + 1, request.gnssNoiseM());
        this.navigation = new NavigationSensor(plan, map.graph(), map.matcher());
        this.state = observe();
    }

    synchronized SimulationState state() {
        return state;
    }

    synchronized SimulationState step(Control control) {
        if (state.done()) {
            throw new SimulationFinishedException(id, state.termination());
        }
        ego.step(control.steer(), control.throttle(), control.brake(), request.fixedDeltaSeconds());
        step++;
        state = observe();
        return state;
    }

    private SimulationState observe() {
        double x = ego.centreX();
        double y = ego.centreY();
        double yaw = ego.yawRad();
        map.index().match(x, y, yaw, match);
        boolean offRoad = match.node() < 0 || match.outsideM() >= OFF_ROAD_M;
        LaneNode lane = match.node() < 0 ? null : map.graph().node(match.node());
        navigation.update(x, y);
        Termination termination = termination(x, y, offRoad);
        boolean againstLane =
                lane != null && !offRoad && Math.cos(yaw - lane.segmentHeadingRad(lane.segmentAt(match.alongM()))) < 0;
        GroundTruth truth = new GroundTruth(
                new Pose(x, y, yaw),
                ego.speedMps(),
                lane == null ? null : lane.roadId(),
                lane == null ? 0 : lane.laneId(),
                lane == null || offRoad ? null : lane.junctionId(),
                map.matcher().match(x, y),
                navigation.completion(),
                false,
                offRoad,
                againstLane);
        double[] fix = new double[2];
        gnss.measure(x, y, fix);
        Observation observation = new Observation(
                ego.speedMps(),
                fix[0],
                fix[1],
                yaw,
                navigation.waypoints(x, y, yaw),
                navigation.nextManeuver(),
                navigation.distanceToManeuverM(),
                navigation.nextPoi(),
                navigation.distanceToGoM(),
                navigation.speedLimitMps());
        return new SimulationState(
                id, map.ref(), step, step * request.fixedDeltaSeconds(), observation, truth, termination, routeInfo);
    }

    private Termination termination(double x, double y, boolean offRoad) {
        if (step == 0) {
            return Termination.RUNNING;
        }
        if (navigation.distanceToGoM() <= 2 * ARRIVAL_M && navigation.distanceToEndM(x, y) <= ARRIVAL_M) {
            return Termination.REACHED_DESTINATION;
        }
        if (offRoad) {
            return Termination.OFF_ROAD;
        }
        return step >= request.maxSteps() ? Termination.MAX_STEPS : Termination.RUNNING;
    }

    PlannedRoute plan() {
        return plan;
    }
}

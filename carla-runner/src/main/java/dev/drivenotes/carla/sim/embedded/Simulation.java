package dev.drivenotes.carla.sim.embedded;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.lanes.LaneIndex;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.sensor.BirdEyeView;
import dev.drivenotes.carla.sensor.Gnss;
import dev.drivenotes.carla.sensor.NavigationSensor;
import dev.drivenotes.carla.sensor.TrafficAhead;
import dev.drivenotes.carla.sim.SimulationFinishedException;
import dev.drivenotes.carla.traffic.EgoInTraffic;
import dev.drivenotes.carla.traffic.TrafficFleet;
import dev.drivenotes.carla.traffic.TrafficLights;
import dev.drivenotes.carla.traffic.TrafficNetwork;
import dev.drivenotes.carla.vehicle.KinematicBicycle;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.LeadVehicle;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.Pose;
import dev.drivenotes.model.sim.RouteInfo;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.sim.TrafficLightState;
import dev.drivenotes.model.sim.VehicleSpec;

/**
 * One episode: the ego vehicle on a planned route among background traffic, traffic lights and stop
 * signs.
 * Each {@link #step} applies a control for one fixed step, moves the traffic, map-matches the true
 * pose, detects events and builds ground truth and the observation. Steps are serialised per
 * simulation; the result is a pure function of map, seed and controls.
 */
final class Simulation {

    /** The ego counts as off-road when its centre is this far outside every driving lane. */
    static final double OFF_ROAD_M = 1.0;
    /** The destination is reached within this distance of the route end. */
    static final double ARRIVAL_M = 3.0;
    /** NPCs yield to the ego when its route enters a junction lane within this distance. */
    static final double EGO_ANNOUNCE_M = 25;

    private final String id;
    private final CreateSimulationRequest request;
    private final LoadedMap map;
    private final PlannedRoute plan;
    private final RouteInfo routeInfo;
    private final KinematicBicycle ego;
    private final Gnss gnss;
    private final NavigationSensor navigation;
    private final TrafficLights lights;
    private final TrafficFleet fleet;
    private final TrafficAhead ahead;
    private final EgoEvents events;
    private final EgoInTraffic egoInTraffic = new EgoInTraffic();
    private final LaneInvasionDetector laneInvasion;
    private final BirdEyeView birdEye;
    private final LaneIndex.Match match = new LaneIndex.Match();
    private final double[] point = new double[3];
    private final double[] fix = new double[2];
    private int step;
    private SimulationState state;

    Simulation(String id, CreateSimulationRequest request, LoadedMap map, PlannedRoute plan) {
        this.id = id;
        this.request = request;
        this.map = map;
        this.plan = plan;
        this.routeInfo = plan.info();
        plan.route().polyline().pointAt(0, point);
        this.ego = KinematicBicycle.atCentre(point[0], point[1], point[2]);
        this.gnss = new Gnss(request.seed() * 0x9E3779B97F4A7C15L + 1, request.gnssNoiseM(), request.gnssDropoutRate());
        this.navigation = new NavigationSensor(plan, map.graph(), map.matcher());
        TrafficNetwork network = TrafficNetwork.of(map);
        this.lights = new TrafficLights(network.signals(), request.seed());
        this.fleet = new TrafficFleet(network, lights, request.seed(), request.npcCount(), point[0], point[1]);
        this.ahead = new TrafficAhead(plan.route(), map.graph(), network.stopLines());
        this.events = new EgoEvents(plan.route(), ahead, request.npcCount());
        this.laneInvasion = new LaneInvasionDetector(map.openDrive());
        this.birdEye = request.birdEyeSizePx() == 0
                ? null
                : new BirdEyeView(map, plan.route(), fleet, request.birdEyeSizePx());
        sense();
        this.state = observe();
    }

    synchronized SimulationState state() {
        return state;
    }

    synchronized SimulationState step(Control control) {
        if (state.done()) {
            throw new SimulationFinishedException(id, state.termination());
        }
        double dtS = request.fixedDeltaSeconds();
        double timeS = step * dtS;
        ego.step(control.steer(), control.throttle(), control.brake(), dtS);
        sense();
        fleet.step(dtS, timeS, egoInTraffic);
        step++;
        events.update(ego, match.outsideM(), navigation.progressM(), fleet, lights, step * dtS, dtS);
        state = observe();
        return state;
    }

    /** Map-matches the ego, advances route progress and tells the traffic where the ego is. */
    private void sense() {
        double x = ego.centreX();
        double y = ego.centreY();
        map.index().match(x, y, ego.yawRad(), match);
        navigation.update(x, y);
        double progressM = navigation.progressM();
        int approach = -1;
        int inside = ahead.insideEntry(progressM);
        if (inside >= 0) {
            approach = ahead.entryLane(inside);
        } else {
            int next = ahead.nextEntry(progressM);
            if (next >= 0
                    && ahead.entryM(next) - progressM < EGO_ANNOUNCE_M
                    && lights.state(ahead.entryLane(next), step * request.fixedDeltaSeconds()) != TrafficLightState.RED
                    && !queued(ahead.entryM(next) - progressM)) {
                approach = ahead.entryLane(next);
            }
        }
        boolean onLane = match.node() >= 0 && match.outsideM() < OFF_ROAD_M;
        egoInTraffic.set(onLane ? match.node() : -1, match.alongM(), x, y, ego.yawRad(), ego.speedMps(), approach);
    }

    /**
     * Whether, at the last observation, a vehicle stood between the ego and a stop line {@code
     * distanceM} ahead: then the ego cannot enter first, and announcing it would make cross traffic
     * wait for a vehicle that waits for them.
     */
    private boolean queued(double distanceM) {
        LeadVehicle lead = state == null ? null : state.observation().lead();
        return lead != null && lead.gapM() < distanceM - VehicleSpec.EGO.halfLengthM();
    }

    private SimulationState observe() {
        double x = ego.centreX();
        double y = ego.centreY();
        double yaw = ego.yawRad();
        double timeS = step * request.fixedDeltaSeconds();
        boolean offRoad = match.node() < 0 || match.outsideM() >= OFF_ROAD_M;
        LaneNode lane = match.node() < 0 ? null : map.graph().node(match.node());
        Termination termination = termination(x, y, offRoad);
        boolean invaded = laneInvasion.update(offRoad ? null : lane, match.alongM());
        String collisionWith = step == 0 ? null : events.collisionWith();
        GroundTruth truth = new GroundTruth(
                new Pose(x, y, yaw),
                ego.speedMps(),
                lane == null ? null : lane.roadId(),
                lane == null ? 0 : lane.laneId(),
                lane == null || offRoad ? null : lane.junctionId(),
                map.matcher().match(x, y),
                navigation.completion(),
                collisionWith != null,
                offRoad,
                invaded,
                collisionWith,
                step > 0 && events.redLightRun(),
                step > 0 && events.routeDeviation(),
                step > 0 && events.stopSignRun());
        boolean gnssDropout = gnss.measure(x, y, fix);
        double progressM = navigation.progressM();
        Observation observation = new Observation(
                ego.speedMps(),
                fix[0],
                fix[1],
                gnssDropout,
                yaw,
                navigation.waypoints(x, y, yaw),
                navigation.nextManeuver(),
                navigation.distanceToManeuverM(),
                navigation.nextPoi(),
                navigation.distanceToGoM(),
                navigation.speedLimitMps(),
                ego.yawRateRadps(),
                ahead.lead(progressM, x, y, yaw, fleet),
                ahead.trafficLight(progressM, lights, timeS),
                ahead.stopSign(progressM),
                birdEye == null ? null : birdEye.render(x, y, yaw, progressM));
        return new SimulationState(id, map.ref(), step, timeS, observation, truth, termination, routeInfo);
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

    TrafficFleet fleet() {
        return fleet;
    }

    TrafficLights lights() {
        return lights;
    }
}

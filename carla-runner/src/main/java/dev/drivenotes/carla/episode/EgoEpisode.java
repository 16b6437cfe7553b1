package dev.drivenotes.carla.episode;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.lanes.JunctionExits;
import dev.drivenotes.carla.map.lanes.LaneIndex;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.sensor.BirdEyeView;
import dev.drivenotes.carla.sensor.Gnss;
import dev.drivenotes.carla.sensor.NavigationSensor;
import dev.drivenotes.carla.sensor.TrafficAhead;
import dev.drivenotes.carla.traffic.EgoInTraffic;
import dev.drivenotes.carla.traffic.TrafficFleet;
import dev.drivenotes.carla.traffic.TrafficLights;
import dev.drivenotes.carla.traffic.TrafficNetwork;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.LeadVehicle;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.Pose;
import dev.drivenotes.model.sim.RouteInfo;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.sim.TrafficLightState;
import dev.drivenotes.model.sim.VehicleSpec;
import java.util.List;

/**
 * One ego's episode on a planned route, whatever simulates its vehicle: the background traffic model,
 * traffic lights and stop signs, the ego's sensors, its ground-truth events and the termination
 * rules. A backend moves the ego (the embedded bicycle model, or CARLA's physics) and calls, every
 * step:
 *
 * <ol>
 *   <li>{@link #sense} with the ego's new pose: map matching, route progress, and what the traffic
 *       knows of the ego;
 *   <li>{@link #moveTraffic}: one step of the background vehicles;
 *   <li>{@link #advance} with the ego's pose and the collision that started this step, if any: the
 *       step's events, ground truth and observation.
 * </ol>
 *
 * When the ego leaves its route the navigation replans ({@link NavigationSensor}); the route-reading
 * sensors and events then follow the new plan, while the state's {@link RouteInfo} stays the
 * requested route. The result is a pure function of map, seed and the ego's poses. Not thread-safe: a backend
 * serialises steps per simulation.
 */
public final class EgoEpisode {

    /** The ego counts as off-road when its centre is this far outside every driving lane. */
    public static final double OFF_ROAD_M = 1.0;
    /** The destination is reached within this distance of the route end. */
    public static final double ARRIVAL_M = 3.0;
    /** NPCs yield to the ego when its route enters a junction lane within this distance. */
    static final double EGO_ANNOUNCE_M = 25;

    private final String id;
    private final CreateSimulationRequest request;
    private final LoadedMap map;
    private final RouteInfo routeInfo;
    private final Gnss gnss;
    private final NavigationSensor navigation;
    private final TrafficLights lights;
    private final TrafficFleet fleet;
    private final TrafficNetwork network;
    private TrafficAhead ahead;
    private EgoEvents events;
    private BirdEyeView birdEye;
    private final EgoInTraffic egoInTraffic = new EgoInTraffic();
    private final LaneInvasionDetector laneInvasion;
    private final LaneIndex.Match match = new LaneIndex.Match();
    private final double[] fix = new double[2];
    private int step;
    private SimulationState state;
    /** The last lane outside a junction the ego was matched to, or -1: where it enters the next junction from. */
    private int approach = -1;
    /**
     * The junction whose exits from {@link #approach} are {@link #exits}, or null: cleared on every lane
     * outside a junction, where the approach can change.
     */
    private String exitsJunction;

    private List<Maneuver> exits;

    /** @param startX where the ego starts: background vehicles spawn clear of it */
    public EgoEpisode(
            String id,
            CreateSimulationRequest request,
            LoadedMap map,
            PlannedRoute plan,
            double startX,
            double startY) {
        this.id = id;
        this.request = request;
        this.map = map;
        this.routeInfo = plan.info();
        this.gnss = new Gnss(request.seed() * 0x9E3779B97F4A7C15L + 1, request.gnssNoiseM(), request.gnssDropoutRate());
        this.navigation =
                new NavigationSensor(plan, map.graph(), map.matcher(), map.router(), request.fixedDeltaSeconds());
        this.network = TrafficNetwork.of(map);
        this.lights = new TrafficLights(network.signals(), request.seed());
        this.fleet = new TrafficFleet(
                network, lights, request.seed(), request.npcCount(), request.npcAggressiveness(), startX, startY);
        this.laneInvasion = new LaneInvasionDetector(map.openDrive());
        followRoute(plan);
    }

    /** Points the sensors and event detectors that read the route at {@code plan}'s. */
    private void followRoute(PlannedRoute plan) {
        this.ahead = new TrafficAhead(plan.route(), map.graph(), network.stopLines());
        this.events = new EgoEvents(plan.route(), ahead);
        this.birdEye = request.birdEyeSizePx() == 0
                ? null
                : new BirdEyeView(map, plan.route(), fleet, request.birdEyeSizePx());
    }

    /** Map-matches the ego, advances route progress and tells the traffic where the ego is. */
    public void sense(double x, double y, double yawRad, double speedMps) {
        map.index().match(x, y, yawRad, match);
        boolean onLane = match.node() >= 0 && match.outsideM() < OFF_ROAD_M;
        navigation.update(x, y, onLane ? match.node() : -1, match.alongM());
        if (navigation.replanned()) {
            followRoute(navigation.plan());
        }
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
        egoInTraffic.set(onLane ? match.node() : -1, match.alongM(), x, y, yawRad, speedMps, approach);
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

    /** Moves the background vehicles by one step, knowing the ego as the last {@link #sense} saw it. */
    public void moveTraffic() {
        double dtS = request.fixedDeltaSeconds();
        fleet.step(dtS, step * dtS, egoInTraffic);
    }

    /** The state at step 0, the ego where {@link #sense} last saw it. */
    public SimulationState start(double x, double y, double yawRad, double speedMps, double yawRateRadps) {
        state = observe(x, y, yawRad, speedMps, yawRateRadps, null);
        return state;
    }

    /**
     * Ends a step: counts it, detects the events of the ego's move and builds the new state.
     *
     * @param collisionWith the partner of a collision that started this step ({@code vehicle},
     *     {@code pedestrian}, {@code static}), or null
     */
    public SimulationState advance(
            double x, double y, double yawRad, double speedMps, double yawRateRadps, String collisionWith) {
        double dtS = request.fixedDeltaSeconds();
        step++;
        events.update(x, y, speedMps, navigation.progressM(), lights, step * dtS, dtS);
        state = observe(x, y, yawRad, speedMps, yawRateRadps, collisionWith);
        return state;
    }

    private SimulationState observe(
            double x, double y, double yaw, double speedMps, double yawRateRadps, String collisionWith) {
        double timeS = step * request.fixedDeltaSeconds();
        boolean offRoad = match.node() < 0 || match.outsideM() >= OFF_ROAD_M;
        LaneNode lane = match.node() < 0 ? null : map.graph().node(match.node());
        Termination termination = termination(x, y, offRoad);
        boolean invaded = laneInvasion.update(offRoad ? null : lane, match.alongM());
        String collision = step == 0 ? null : collisionWith;
        List<Maneuver> junctionExits = null;
        if (lane != null && !offRoad) {
            if (lane.junctionId() == null) {
                approach = lane.index();
                exitsJunction = null;
            } else {
                junctionExits = exitsFromApproach(lane.junctionId());
            }
        }
        GroundTruth truth = new GroundTruth(
                new Pose(x, y, yaw),
                speedMps,
                lane == null ? null : lane.roadId(),
                lane == null ? 0 : lane.laneId(),
                lane == null || offRoad ? null : lane.junctionId(),
                map.matcher().match(x, y),
                navigation.completion(),
                collision != null,
                offRoad,
                invaded,
                collision,
                step > 0 && events.redLightRun(),
                step > 0 && events.routeDeviation(),
                step > 0 && events.stopSignRun(),
                junctionExits);
        boolean gnssDropout = gnss.measure(x, y, fix);
        double progressM = navigation.progressM();
        Observation observation = new Observation(
                speedMps,
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
                yawRateRadps,
                ahead.lead(progressM, x, y, yaw, fleet),
                ahead.trafficLight(progressM, lights, timeS),
                ahead.stopSign(progressM),
                birdEye == null ? null : birdEye.render(x, y, yaw, progressM),
                step > 0 && navigation.replanned());
        return new SimulationState(id, map.ref(), step, timeS, observation, truth, termination, routeInfo);
    }

    /**
     * The maneuvers the lanes of {@code junctionId} allow from the lane the ego entered it by; null when
     * that lane does not lead into it (the ego came in off the lanes, or started inside it).
     */
    private List<Maneuver> exitsFromApproach(String junctionId) {
        if (!junctionId.equals(exitsJunction)) {
            exitsJunction = junctionId;
            List<Maneuver> found = approach < 0 ? List.of() : JunctionExits.from(map.graph(), approach, junctionId);
            exits = found.isEmpty() ? null : found;
        }
        return exits;
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

    public SimulationState state() {
        return state;
    }

    public int step() {
        return step;
    }

    /** How far the ego's centre was outside every driving lane at the last {@link #sense}. */
    public double outsideLaneM() {
        return match.outsideM();
    }

    /** The route the navigation follows now (the requested one until it replans). */
    public PlannedRoute plan() {
        return navigation.plan();
    }

    public TrafficFleet fleet() {
        return fleet;
    }

    public TrafficLights lights() {
        return lights;
    }

    public LoadedMap map() {
        return map;
    }
}

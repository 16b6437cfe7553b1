package dev.drivenotes.carla.sim.carla;

import dev.drivenotes.carla.client.CarlaConnectionException;
import dev.drivenotes.carla.client.CarlaException;
import dev.drivenotes.carla.client.CarlaRpcException;
import dev.drivenotes.carla.client.CarlaTimeoutException;
import dev.drivenotes.carla.client.protocol.Actor;
import dev.drivenotes.carla.client.protocol.BatchResult;
import dev.drivenotes.carla.client.protocol.BoundingBox;
import dev.drivenotes.carla.client.protocol.CommandBatch;
import dev.drivenotes.carla.client.protocol.Rotation;
import dev.drivenotes.carla.client.protocol.Transform;
import dev.drivenotes.carla.client.protocol.Vector3D;
import dev.drivenotes.carla.client.stream.CollisionStream;
import dev.drivenotes.carla.client.stream.EpisodeState;
import dev.drivenotes.carla.client.stream.EpisodeStateStream;
import dev.drivenotes.carla.episode.EgoEpisode;
import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.lanes.LaneIndex;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.sim.SimulationFinishedException;
import dev.drivenotes.carla.sim.SimulatorFailureException;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.SimulationState;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One episode on a CARLA server. Setting up: synchronous mode with the request's step, the ego
 * ({@link Blueprints#EGO}) at the route's start with a collision sensor, and the background
 * vehicles of the {@link EgoEpisode} spawned where the traffic model put them, physics off (they
 * are placed, not driven). Each {@link #step} is one {@code apply_batch} (the ego's control and
 * every background vehicle's next transform), one {@code tick_cue}, and the episode state of the
 * frame that tick made: the ego's pose and speed come from it, collisions from the sensor, the rest
 * of the ground truth from the map code as in the embedded simulator. A step allocates nothing per
 * actor.
 *
 * <p>A CARLA failure fails the simulation: the world is cleaned up at once ({@link CarlaSession}),
 * and this and every later step throw {@link SimulatorFailureException} with the reason.
 */
final class CarlaSimulation {

    private static final Logger log = LoggerFactory.getLogger(CarlaSimulation.class);
    /** The ego spawns this far above the road so that it does not collide with it (CARLA drops it). */
    static final double SPAWN_LIFT_M = 0.5;
    /** How long a step waits for collision events already on their way when its frame has come. */
    static final Duration SENSOR_SETTLE = Duration.ofMillis(20);
    /** How long the first tick of a simulation waits for its frame before ticking again. */
    static final Duration FIRST_FRAME_WAIT = Duration.ofMillis(250);

    private final String id;
    private final CreateSimulationRequest request;
    private final CarlaSession session;
    private final Duration frameTimeout;
    private final RoadHeights heights;
    private final CommandBatch batch = new CommandBatch();
    private final BatchResult result = new BatchResult();
    private final EpisodeState frame = new EpisodeState();
    private final CollisionTracker collisions = new CollisionTracker();
    private EgoEpisode episode;
    private EpisodeStateStream states;
    private CollisionStream sensor;
    private int egoId;
    private Vector3D egoBoxCentre = Vector3D.ZERO;
    private CarlaTraffic traffic;
    private double centreX;
    private double centreY;
    private double yawRad;
    private double speedMps;
    private SimulationState state;
    private SimulatorFailureException failure;

    private CarlaSimulation(String id, CreateSimulationRequest request, CarlaSession session, LoadedMap map) {
        this.id = id;
        this.request = request;
        this.session = session;
        this.frameTimeout = session.client().endpoint().callTimeout();
        this.heights = new RoadHeights(map);
    }

    /** Sets the episode up on the server; on any failure, undoes what it did and throws. */
    static CarlaSimulation start(
            String id, CreateSimulationRequest request, LoadedMap map, PlannedRoute plan, CarlaSession session) {
        CarlaSimulation simulation = new CarlaSimulation(id, request, session, map);
        try {
            simulation.setUp(map, plan);
            return simulation;
        } catch (CarlaException | IllegalStateException e) {
            session.close();
            throw new SimulatorFailureException("simulation " + id + " could not start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void setUp(LoadedMap map, PlannedRoute plan) {
        double[] start = new double[3];
        plan.route().polyline().pointAt(0, start);
        states = session.subscribeEpisode();
        session.synchronous(request.fixedDeltaSeconds());
        Blueprints blueprints = Blueprints.of(session.client().actorDefinitions(), session.endpoint());
        Actor ego = session.spawn(blueprints.ego(), transform(map, start[0], start[1], start[2], SPAWN_LIFT_M));
        egoId = ego.id();
        BoundingBox box = ego.boundingBox();
        egoBoxCentre = box == null ? Vector3D.ZERO : box.location();
        sensor = session.spawnCollisionSensor(blueprints.collisionSensor(), egoId);
        episode = new EgoEpisode(id, request, map, plan, start[0], start[1]);
        traffic = CarlaTraffic.spawn(
                session, episode.fleet(), heights, blueprints.npcs(request.seed(), request.npcCount()), id);
        firstFrame();
        collisions.update(sensor::drain);
        episode.sense(centreX, centreY, yawRad, speedMps);
        state = episode.start(centreX, centreY, yawRad, speedMps, 0);
    }

    private Transform transform(LoadedMap map, double x, double y, double headingRad, double liftM) {
        LaneIndex.Match m = new LaneIndex.Match();
        map.index().match(x, y, headingRad, m);
        double z = (m.node() < 0 ? 0 : heights.zM(m.node(), m.alongM())) + liftM;
        return new Transform(
                new Vector3D((float) x, CarlaCoordinates.flipY(y), (float) z),
                new Rotation(0, CarlaCoordinates.yawDeg(headingRad), 0));
    }

    synchronized SimulationState state() {
        return state;
    }

    synchronized SimulationState step(Control control) {
        if (failure != null) {
            throw failure;
        }
        if (state.done()) {
            throw new SimulationFinishedException(id, state.termination());
        }
        try {
            episode.moveTraffic();
            sendControls(control);
            long tick = session.client().tickCue();
            double previousYaw = yawRad;
            readEgo(tick);
            sensor.settle(SENSOR_SETTLE);
            String collisionWith = collisions.update(sensor::drain);
            double yawRate = Maneuver.normalizeAngle(yawRad - previousYaw) / request.fixedDeltaSeconds();
            episode.sense(centreX, centreY, yawRad, speedMps);
            state = episode.advance(centreX, centreY, yawRad, speedMps, yawRate, collisionWith);
            return state;
        } catch (CarlaException e) {
            failure = new SimulatorFailureException(
                    "simulation " + id + " failed at step " + (episode.step() + 1) + ": " + e.getMessage(), e);
            session.close();
            throw failure;
        }
    }

    /** One apply_batch: the ego's control and every background vehicle's place, then checks the ego's. */
    private void sendControls(Control control) {
        batch.clear();
        batch.vehicleControl(egoId, (float) control.throttle(), (float) control.steer(), (float) control.brake());
        traffic.place(batch);
        session.client().applyBatch(batch, false, result);
        if (result.size() > 0 && result.error(0) != null) {
            throw new CarlaRpcException(session.endpoint(), "apply_batch (ego " + egoId + ")", result.error(0));
        }
    }

    /**
     * Ticks until a frame arrives, within the frame timeout. The streaming server takes a new
     * subscription on its own threads (tcp/ServerSession.cpp:53-75), so the first tick after
     * subscribing may go out before the subscription is in place; ticking again while setting up
     * only lets the parked actors settle.
     */
    private void firstFrame() {
        long deadline = System.nanoTime() + frameTimeout.toNanos();
        while (true) {
            long tick = session.client().tickCue();
            long left = deadline - System.nanoTime();
            try {
                states.await(tick, Duration.ofNanos(Math.max(0, Math.min(left, FIRST_FRAME_WAIT.toNanos()))), frame);
                readEgo();
                return;
            } catch (CarlaTimeoutException e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
            }
        }
    }

    /** Waits for the frame the tick produced and reads the ego from it. */
    private void readEgo(long tick) {
        states.await(tick, frameTimeout, frame);
        readEgo();
    }

    private void readEgo() {
        int i = frame.indexOf(egoId);
        if (i < 0) {
            throw new CarlaConnectionException(
                    "CARLA server " + session.endpoint() + ": the ego (actor " + egoId + ") is missing from frame "
                            + frame.frame(),
                    null);
        }
        yawRad = CarlaCoordinates.headingRad(frame.yawDeg(i));
        double c = Math.cos(Math.toRadians(frame.yawDeg(i)));
        double s = Math.sin(Math.toRadians(frame.yawDeg(i)));
        // the box centre in CARLA's frame: the actor's origin plus the box offset turned by the yaw
        centreX = frame.x(i) + egoBoxCentre.x() * c - egoBoxCentre.y() * s;
        centreY = -(frame.y(i) + egoBoxCentre.x() * s + egoBoxCentre.y() * c);
        speedMps = Math.hypot(frame.velocityX(i), frame.velocityY(i));
    }

    /** Gives the world back: destroys what was spawned, restores the settings. */
    synchronized void close() {
        session.close();
    }

    String id() {
        return id;
    }

    CarlaSession session() {
        return session;
    }
}

package dev.drivenotes.carla.sim.embedded;

import dev.drivenotes.carla.episode.EgoEpisode;
import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.sim.SimulationFinishedException;
import dev.drivenotes.carla.traffic.TrafficFleet;
import dev.drivenotes.carla.traffic.TrafficLights;
import dev.drivenotes.carla.vehicle.KinematicBicycle;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;

/**
 * One episode of the embedded simulator: the ego, a kinematic bicycle, on a planned route of an
 * {@link EgoEpisode}. Each {@link #step} applies a control for one fixed step, moves the traffic,
 * detects box collisions and builds ground truth and the observation. Steps are serialised per
 * simulation; the result is a pure function of map, seed and controls.
 */
final class Simulation {

    private final String id;
    private final CreateSimulationRequest request;
    private final KinematicBicycle ego;
    private final EgoEpisode episode;
    private final BoxCollisions collisions;
    private SimulationState state;

    Simulation(String id, CreateSimulationRequest request, LoadedMap map, PlannedRoute plan) {
        this.id = id;
        this.request = request;
        double[] start = new double[3];
        plan.route().polyline().pointAt(0, start);
        this.ego = KinematicBicycle.atCentre(start[0], start[1], start[2]);
        this.episode = new EgoEpisode(id, request, map, plan, start[0], start[1]);
        this.collisions = new BoxCollisions(request.npcCount());
        episode.sense(ego.centreX(), ego.centreY(), ego.yawRad(), ego.speedMps());
        this.state = episode.start(ego.centreX(), ego.centreY(), ego.yawRad(), ego.speedMps(), ego.yawRateRadps());
    }

    synchronized SimulationState state() {
        return state;
    }

    synchronized SimulationState step(Control control) {
        if (state.done()) {
            throw new SimulationFinishedException(id, state.termination());
        }
        ego.step(control.steer(), control.throttle(), control.brake(), request.fixedDeltaSeconds());
        double x = ego.centreX();
        double y = ego.centreY();
        episode.sense(x, y, ego.yawRad(), ego.speedMps());
        episode.moveTraffic();
        String collisionWith = collisions.update(x, y, ego.yawRad(), episode.outsideLaneM(), episode.fleet());
        state = episode.advance(x, y, ego.yawRad(), ego.speedMps(), ego.yawRateRadps(), collisionWith);
        return state;
    }

    PlannedRoute plan() {
        return episode.plan();
    }

    TrafficFleet fleet() {
        return episode.fleet();
    }

    TrafficLights lights() {
        return episode.lights();
    }
}

package dev.drivenotes.carla.episode;

import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.VehicleSpec;
import dev.drivenotes.model.sim.Waypoint;

/** A test driver: pure pursuit on the observation's route waypoints and a proportional speed loop. */
public final class PurePursuitDriver {

    private PurePursuitDriver() {}

    public static Control drive(Observation obs) {
        Waypoint target = obs.routeWaypoints().get(2);
        double lookahead2 = target.x() * target.x() + target.y() * target.y();
        double steer = 0;
        if (lookahead2 > 1) {
            double curvature = 2 * target.y() / lookahead2;
            double wheelAngle = Math.atan(VehicleSpec.EGO.wheelbaseM() * curvature);
            steer = -wheelAngle / VehicleSpec.EGO.maxWheelAngleRad();
        }
        double targetSpeed = Math.min(obs.speedLimitMps(), 7);
        if (obs.distanceToManeuverM() < 15 && obs.nextManeuver() != dev.drivenotes.model.sim.Maneuver.FOLLOW_LANE) {
            targetSpeed = 4.5;
        }
        targetSpeed = Math.min(targetSpeed, Math.max(1.0, obs.distanceToGoM() * 0.5));
        double error = targetSpeed - obs.speedMps();
        return Control.clamped(steer, error * 0.6, -error * 0.6);
    }
}

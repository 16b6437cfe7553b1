package dev.drivenotes.dreamer.policy;

import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.VehicleSpec;
import dev.drivenotes.model.sim.Waypoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drives a kinematic bicycle of {@link VehicleSpec#EGO} (integrated here, independently of the
 * simulator's) along 30 m straight, a 90° left arc of radius 15 m and 40 m straight.
 */
class AutopilotClosedLoopTest {

    private static final double STEP_S = 0.05;
    private static final VehicleSpec CAR = VehicleSpec.EGO;
    private static final double WHEELBASE_M = CAR.wheelbaseM();
    private static final double REAR_TO_CENTRE_M = CAR.centreAheadOfRearAxleM();
    private static final double LIMIT_MPS = 30 / 3.6;

    /** The route: straight along +x, a 90° arc (left when sign is +1, right when −1), straight. */
    record Route(double straightM, double radiusM, double sign, double exitM) {
        double lengthM() {
            return straightM + arcM() + exitM;
        }

        double arcM() {
            return radiusM * Math.PI / 2;
        }

        double[] pointAt(double s) {
            if (s <= straightM) {
                return new double[] {s, 0};
            }
            if (s <= straightM + arcM()) {
                double angle = (s - straightM) / radiusM;
                return new double[] {straightM + radiusM * Math.sin(angle), sign * radiusM * (1 - Math.cos(angle))};
            }
            return new double[] {straightM + radiusM, sign * (radiusM + (s - straightM - arcM()))};
        }
    }

    /** Rear-axle kinematic bicycle with steering-rate limit, pedal model and no reverse. */
    static final class Bicycle {
        double rearX = -REAR_TO_CENTRE_M;
        double rearY;
        double yawRad;
        double speedMps;
        double wheelRad;

        double centreX() {
            return rearX + REAR_TO_CENTRE_M * Math.cos(yawRad);
        }

        double centreY() {
            return rearY + REAR_TO_CENTRE_M * Math.sin(yawRad);
        }

        void step(Control control) {
            double wanted = -control.steer() * CAR.maxWheelAngleRad();
            double maxChange = CAR.wheelAngleRateRadPerS() * STEP_S;
            wheelRad += Math.max(-maxChange, Math.min(maxChange, wanted - wheelRad));
            double accel = control.throttle() * CAR.throttleAccelMps2()
                    - control.brake() * CAR.brakeDecelMps2()
                    - CAR.dragPerS() * speedMps;
            speedMps = Math.max(0, speedMps + accel * STEP_S);
            rearX += speedMps * Math.cos(yawRad) * STEP_S;
            rearY += speedMps * Math.sin(yawRad) * STEP_S;
            yawRad += speedMps / WHEELBASE_M * Math.tan(wheelRad) * STEP_S;
        }
    }

    /**
     * Within 0.5 m on the 15 m arcs; a tight, junction-like 8 m arc is allowed 0.75 m (a 2 m wide
     * car in a 3.5 m lane), since pure pursuit cuts the entry of a bend more the tighter it is.
     */
    @ParameterizedTest(name = "radius {0} m, sign {1}")
    @CsvSource({"15, 1, 0.5", "15, -1, 0.5", "8, 1, 0.75", "8, -1, 0.75"})
    void followsACurvedRouteClosely(double radiusM, double sign, double toleranceM) {
        Route route = new Route(30, radiusM, sign, 40);
        Bicycle car = new Bicycle();
        AutopilotPolicy autopilot = new AutopilotPolicy(STEP_S, SessionLimits.of(10));
        double progressM = 0;
        double maxCrossTrackM = 0;
        double maxSpeedMps = 0;
        double maxLateralMps2 = 0;
        int stillSteps = 0;
        int step = 0;
        for (; step < 1200 && stillSteps < 40; step++) {
            progressM = project(route, car, progressM);
            double[] nearest = route.pointAt(progressM);
            maxCrossTrackM =
                    Math.max(maxCrossTrackM, Math.hypot(car.centreX() - nearest[0], car.centreY() - nearest[1]));
            Decision decision = autopilot
                    .decide(List.of(new PredictInstance("loop", observe(route, car, progressM), step == 0, null)))
                    .getFirst();
            car.step(decision.control());
            maxSpeedMps = Math.max(maxSpeedMps, car.speedMps);
            maxLateralMps2 = Math.max(
                    maxLateralMps2, car.speedMps * car.speedMps * Math.abs(Math.tan(car.wheelRad)) / WHEELBASE_M);
            stillSteps = car.speedMps < 0.01 ? stillSteps + 1 : 0;
        }

        double distanceToGoM = route.lengthM() - progressM;
        assertThat(maxCrossTrackM).as("largest distance from the route").isLessThan(toleranceM);
        assertThat(stillSteps).as("stopped for 2 s before step %d", step).isEqualTo(40);
        assertThat(distanceToGoM).isBetween(0.0, 3.0);
        assertThat(maxSpeedMps).as("top speed").isLessThan(LIMIT_MPS + 0.3);
        assertThat(maxLateralMps2).as("largest lateral acceleration").isLessThan(3.0);
    }

    /** Arc length of the route point nearest the vehicle centre, searched near the previous one. */
    private static double project(Route route, Bicycle car, double previousM) {
        double best = previousM;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (double s = Math.max(0, previousM - 1); s <= Math.min(route.lengthM(), previousM + 3); s += 0.01) {
            double[] p = route.pointAt(s);
            double d = Math.hypot(car.centreX() - p[0], car.centreY() - p[1]);
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        return best;
    }

    private static Observation observe(Route route, Bicycle car, double progressM) {
        double cos = Math.cos(car.yawRad);
        double sin = Math.sin(car.yawRad);
        List<Waypoint> waypoints = new ArrayList<>();
        for (double s = Math.floor(progressM) + 1; s <= route.lengthM() && waypoints.size() < 30; s += 1) {
            double[] p = route.pointAt(s);
            double dx = p[0] - car.centreX();
            double dy = p[1] - car.centreY();
            waypoints.add(new Waypoint(dx * cos + dy * sin, -dx * sin + dy * cos));
        }
        if (waypoints.size() < 30) {
            double[] end = route.pointAt(route.lengthM());
            double dx = end[0] - car.centreX();
            double dy = end[1] - car.centreY();
            waypoints.add(new Waypoint(dx * cos + dy * sin, -dx * sin + dy * cos));
        }
        double distanceToGoM = route.lengthM() - progressM;
        Maneuver turn = route.sign() > 0 ? Maneuver.TURN_LEFT : Maneuver.TURN_RIGHT;
        boolean turnAhead = progressM <= route.straightM() + route.arcM();
        Maneuver next = turnAhead ? turn : Maneuver.FOLLOW_LANE;
        double distanceToManeuverM =
                progressM < route.straightM() ? route.straightM() - progressM : turnAhead ? 0 : distanceToGoM;
        return observation()
                .speedMps(car.speedMps)
                .gnss(car.centreX(), car.centreY())
                .compassRad(car.yawRad)
                .route(waypoints)
                .nextManeuver(next, distanceToManeuverM)
                .nextPoi("Library", distanceToGoM)
                .speedLimitMps(LIMIT_MPS)
                .build();
    }
}

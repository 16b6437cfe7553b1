package dev.drivenotes.dreamer.policy;

import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.LeadVehicle;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.TrafficLightAhead;
import dev.drivenotes.model.sim.TrafficLightState;
import dev.drivenotes.model.sim.Waypoint;
import dev.drivenotes.model.testing.ObservationBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Closed loop on a 400 m straight road along +x with {@link dev.drivenotes.model.sim.VehicleSpec#EGO} (the closed-loop test's
 * bicycle): a scripted lead vehicle, and a traffic light with its stop line at x = 80 m.
 */
class AutopilotTrafficTest {

    private static final double STEP_S = 0.05;
    private static final double ROAD_M = 400;
    private static final double LIMIT_MPS = 30 / 3.6;
    private static final double CAR_M = 4.6;

    private final AutopilotPolicy autopilot = new AutopilotPolicy(STEP_S, SessionLimits.of(10));

    /** What the car sees on the 400 m straight road, with no other traffic (add it to the builder). */
    static ObservationBuilder onStraightRoad(AutopilotClosedLoopTest.Bicycle car) {
        double x = car.centreX();
        List<Waypoint> waypoints = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            double s = Math.floor(x) + 2 * k;
            waypoints.add(new Waypoint(s - x, -car.centreY()));
        }
        return observation()
                .speedMps(car.speedMps)
                .gnss(x, car.centreY())
                .compassRad(car.yawRad)
                .route(waypoints)
                .nextManeuver(Maneuver.FOLLOW_LANE, ROAD_M - x)
                .nextPoi("Library", ROAD_M - x)
                .speedLimitMps(LIMIT_MPS);
    }

    private static Observation observe(AutopilotClosedLoopTest.Bicycle car, LeadVehicle lead, TrafficLightAhead light) {
        return onStraightRoad(car).lead(lead).trafficLight(light).build();
    }

    /** The lead starts {@code startGapM} ahead at 6 m/s, brakes at 3 m/s² to a stop at t = 20 s and stays. */
    @ParameterizedTest
    @ValueSource(doubles = {10, 30, 49})
    void followsALeadVehicleAndStopsSafelyBehindIt(double startGapM) {
        AutopilotClosedLoopTest.Bicycle car = new AutopilotClosedLoopTest.Bicycle();
        double leadRearM = car.centreX() + CAR_M / 2 + startGapM;
        double leadMps = 6;
        double smallestGapM = Double.POSITIVE_INFINITY;
        for (int step = 0; step < 1200; step++) {
            double t = step * STEP_S;
            if (t > 20) {
                leadMps = Math.max(0, leadMps - 3 * STEP_S);
            }
            leadRearM += leadMps * STEP_S;
            double gapM = leadRearM - (car.centreX() + CAR_M / 2);
            smallestGapM = Math.min(smallestGapM, gapM);
            LeadVehicle lead = gapM <= 50 ? new LeadVehicle(Math.max(0, gapM), leadMps) : null;
            car.step(autopilot
                    .decide(List.of(new PredictInstance("lead", observe(car, lead, null), step == 0, null)))
                    .getFirst()
                    .control());
        }
        double finalGapM = leadRearM - (car.centreX() + CAR_M / 2);

        assertThat(smallestGapM).as("closest bumper gap").isGreaterThan(2.0);
        assertThat(car.speedMps).isLessThan(0.05);
        assertThat(finalGapM).as("standstill gap").isBetween(2.0, 8.0);
    }

    @Test
    void stopsBeforeARedStopLineAndGoesOnGreen() {
        AutopilotClosedLoopTest.Bicycle car = new AutopilotClosedLoopTest.Bicycle();
        double lineM = 80;
        double greenAtS = 25;
        double frontAtGreenM = Double.NaN;
        for (int step = 0; step < 900; step++) {
            double t = step * STEP_S;
            double distanceM = lineM - car.centreX();
            TrafficLightState state = t < greenAtS ? TrafficLightState.RED : TrafficLightState.GREEN;
            TrafficLightAhead light =
                    distanceM >= 0 && distanceM <= 60 ? new TrafficLightAhead(state, distanceM) : null;
            if (t < greenAtS) {
                assertThat(car.centreX() + CAR_M / 2)
                        .as("front bumper at %.2f s", t)
                        .isLessThanOrEqualTo(lineM);
            } else if (Double.isNaN(frontAtGreenM)) {
                frontAtGreenM = car.centreX() + CAR_M / 2;
                assertThat(car.speedMps).as("waiting at the line").isLessThan(0.05);
            }
            car.step(autopilot
                    .decide(List.of(new PredictInstance("red", observe(car, null, light), step == 0, null)))
                    .getFirst()
                    .control());
        }

        assertThat(frontAtGreenM).isBetween(lineM - 3, lineM);
        assertThat(car.centreX()).as("drove on after green").isGreaterThan(lineM + 20);
    }

    @Test
    void stopsForAYellowLightOnlyWhenItCanStopBeforeTheLine() {
        Observation far = observe(atSpeed(8), null, new TrafficLightAhead(TrafficLightState.YELLOW, 15));
        Observation close = observe(atSpeed(8), null, new TrafficLightAhead(TrafficLightState.YELLOW, 5));

        assertThat(AutopilotPolicy.lightLimitedSpeedMps(far)).isLessThan(8.0);
        assertThat(AutopilotPolicy.lightLimitedSpeedMps(close)).isInfinite();
    }

    @Test
    void ignoresGreenLightsAndRedOnesAlreadyBehindTheFrontBumper() {
        assertThat(AutopilotPolicy.lightLimitedSpeedMps(
                        observe(atSpeed(8), null, new TrafficLightAhead(TrafficLightState.GREEN, 10))))
                .isInfinite();
        assertThat(AutopilotPolicy.lightLimitedSpeedMps(
                        observe(atSpeed(8), null, new TrafficLightAhead(TrafficLightState.RED, 1))))
                .isInfinite();
    }

    private static AutopilotClosedLoopTest.Bicycle atSpeed(double speedMps) {
        AutopilotClosedLoopTest.Bicycle car = new AutopilotClosedLoopTest.Bicycle();
        car.speedMps = speedMps;
        return car;
    }
}

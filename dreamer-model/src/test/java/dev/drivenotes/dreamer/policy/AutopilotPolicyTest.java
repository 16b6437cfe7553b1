package dev.drivenotes.dreamer.policy;

import static dev.drivenotes.dreamer.testing.TestObservations.arc;
import static dev.drivenotes.dreamer.testing.TestObservations.cruising;
import static dev.drivenotes.dreamer.testing.TestObservations.nearManeuver;
import static dev.drivenotes.dreamer.testing.TestObservations.straight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.VehicleSpec;
import dev.drivenotes.model.sim.Waypoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutopilotPolicyTest {

    private final AutopilotPolicy autopilot = new AutopilotPolicy(0.05, SessionLimits.of(100));

    private Decision decide(Observation observation) {
        return autopilot
                .decide(List.of(new PredictInstance("s-1", observation, true, null)))
                .getFirst();
    }

    @Test
    void steersLeftWithNegativeSteerWhenTheRouteBendsLeft() {
        Decision decision = decide(cruising(5, arc(20, true, 30), 200));

        assertThat(decision.control().steer()).isNegative();
    }

    @Test
    void steersRightWithPositiveSteerWhenTheRouteBendsRight() {
        Decision decision = decide(cruising(5, arc(20, false, 30), 200));

        assertThat(decision.control().steer()).isPositive();
    }

    @Test
    void steersBackTowardsARouteOffsetToTheRight() {
        List<Waypoint> offsetRight =
                straight(30).stream().map(p -> new Waypoint(p.x(), -1.0)).toList();

        assertThat(decide(cruising(5, offsetRight, 200)).control().steer()).isPositive();
    }

    @Test
    void keepsTheWheelStraightAndAcceleratesOnAStraightRoadFromRest() {
        Decision decision = decide(cruising(0, straight(30), 200));

        assertThat(decision.control().steer()).isCloseTo(0, within(1e-9));
        assertThat(decision.control().throttle()).isPositive();
        assertThat(decision.control().brake()).isZero();
    }

    @Test
    void steersWithTheWheelAngleOfTheArcThroughTheLookAheadPoint() {
        // On a circle of radius R through the rear axle, pure pursuit asks for atan(L / R).
        double radiusM = 20;
        List<Waypoint> circleThroughRearAxle = arc(radiusM, true, 40).stream()
                .map(p -> new Waypoint(p.x() - VehicleSpec.EGO.centreAheadOfRearAxleM(), p.y()))
                .toList();

        double steer = AutopilotPolicy.steer(new EgoPath(circleThroughRearAxle), 5);

        double expectedWheelRad = Math.atan(VehicleSpec.EGO.wheelbaseM() / radiusM);
        assertThat(-steer * VehicleSpec.EGO.maxWheelAngleRad()).isCloseTo(expectedWheelRad, within(0.005));
    }

    @Test
    void brakesWhenFasterThanTheSpeedLimit() {
        Decision decision = decide(cruising(14, straight(30), 300));

        assertThat(decision.control().brake()).isPositive();
        assertThat(decision.control().throttle()).isZero();
    }

    @Test
    void brakesWhenNearTheGoalAtSpeed() {
        Decision decision = decide(cruising(8, straight(6), 6));

        assertThat(decision.control().brake()).isPositive();
        assertThat(decision.control().throttle()).isZero();
    }

    @Test
    void holdsFullBrakeWhenStoppedAtTheGoal() {
        Decision decision = decide(cruising(0, straight(2), 1.5));

        assertThat(decision.control().brake()).isEqualTo(1.0);
    }

    @Test
    void targetsALowerSpeedBeforeATightBendThanOnAStraight() {
        double straightMps = AutopilotPolicy.targetSpeedMps(cruising(8, straight(30), 300), new EgoPath(straight(30)));
        List<Waypoint> bend = arc(8, true, 20);
        double bendMps = AutopilotPolicy.targetSpeedMps(cruising(8, bend, 300), new EgoPath(bend));

        assertThat(straightMps).isCloseTo(30 / 3.6, within(1e-9));
        // the first bend waypoint that has two neighbours lies 2 m along the arc (chord 1.995 m)
        double chordM = 2 * 8 * Math.sin(1.0 / 8);
        assertThat(bendMps).isCloseTo(Math.sqrt(2.5 * 8 + 2 * 2.5 * chordM), within(0.01));
    }

    @Test
    void lookAheadGrowsWithSpeedWithinItsBounds() {
        assertThat(AutopilotPolicy.lookAheadM(0)).isEqualTo(4);
        assertThat(AutopilotPolicy.lookAheadM(5)).isCloseTo(5.5, within(1e-9));
        assertThat(AutopilotPolicy.lookAheadM(40)).isEqualTo(12);
    }

    @Test
    void declaresTurnLeftInsideAJunctionWhoseManeuverIsTurnLeft() {
        Decision decision = decide(nearManeuver(Maneuver.TURN_LEFT, 0, 150, arc(10, true, 20)));

        assertThat(decision.maneuver()).isEqualTo(Maneuver.TURN_LEFT);
    }

    @Test
    void declaresTheNextManeuverOnlyWithinTwelveMetresOfIt() {
        assertThat(decide(nearManeuver(Maneuver.TURN_RIGHT, 11.9, 150, straight(30)))
                        .maneuver())
                .isEqualTo(Maneuver.TURN_RIGHT);
        assertThat(decide(nearManeuver(Maneuver.TURN_RIGHT, 12, 150, straight(30)))
                        .maneuver())
                .isEqualTo(Maneuver.FOLLOW_LANE);
    }

    @Test
    void declaresStopWithinTwentyMetresOfTheGoalEvenInsideAJunction() {
        assertThat(decide(nearManeuver(Maneuver.TURN_LEFT, 0, 19.9, arc(10, true, 19)))
                        .maneuver())
                .isEqualTo(Maneuver.STOP);
        assertThat(decide(cruising(5, straight(20), 20)).maneuver()).isEqualTo(Maneuver.FOLLOW_LANE);
    }

    @Test
    void targetsTheObservedNextPoi() {
        assertThat(decide(cruising(5, straight(30), 200)).targetPoi()).isEqualTo("Bakery");
    }

    @Test
    void isMoreConfidentOnAStraightLaneThanInsideAJunctionOrOffTheLaneCentre() {
        double straightLane = decide(cruising(5, straight(30), 200)).confidence();
        double inJunction = decide(nearManeuver(Maneuver.TURN_LEFT, 0, 150, arc(10, true, 20)))
                .confidence();
        List<Waypoint> offset =
                straight(30).stream().map(p -> new Waypoint(p.x(), 1.5)).toList();
        double offCentre = decide(cruising(5, offset, 200)).confidence();

        assertThat(straightLane).isCloseTo(Declaration.BASE_CONFIDENCE, within(1e-9));
        assertThat(inJunction).isLessThan(straightLane).isPositive();
        assertThat(offCentre).isCloseTo(0.95 * Math.exp(-1), within(1e-9));
    }

    @Test
    void integratesSpeedErrorPerSessionAndResetsItOnFirstStep() {
        Observation belowLimit = cruising(8, straight(30), 300);
        double first = autopilot
                .decide(List.of(new PredictInstance("a", belowLimit, true, null)))
                .getFirst()
                .control()
                .throttle();
        double later = first;
        for (int i = 0; i < 20; i++) {
            later = autopilot
                    .decide(List.of(new PredictInstance("a", belowLimit, false, null)))
                    .getFirst()
                    .control()
                    .throttle();
        }
        double otherSession = autopilot
                .decide(List.of(new PredictInstance("b", belowLimit, false, null)))
                .getFirst()
                .control()
                .throttle();
        double restarted = autopilot
                .decide(List.of(new PredictInstance("a", belowLimit, true, null)))
                .getFirst()
                .control()
                .throttle();

        assertThat(later).isGreaterThan(first);
        assertThat(otherSession).isEqualTo(first);
        assertThat(restarted).isEqualTo(first);
    }

    @Test
    void answersABatchInOrder() {
        List<PredictInstance> batch = List.of(
                new PredictInstance("a", cruising(5, arc(20, true, 30), 200), true, null),
                new PredictInstance("b", cruising(5, arc(20, false, 30), 200), true, null),
                new PredictInstance("c", cruising(5, straight(10), 10), true, null));

        List<Decision> decisions = autopilot.decide(batch);

        assertThat(decisions).hasSize(3);
        assertThat(decisions.get(0).control().steer()).isNegative();
        assertThat(decisions.get(1).control().steer()).isPositive();
        assertThat(decisions.get(2).maneuver()).isEqualTo(Maneuver.STOP);
    }
}

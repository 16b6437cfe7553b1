package dev.drivenotes.dreamer.policy;

import static dev.drivenotes.dreamer.testing.TestObservations.cruising;
import static dev.drivenotes.dreamer.testing.TestObservations.nearManeuver;
import static dev.drivenotes.dreamer.testing.TestObservations.straight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import org.junit.jupiter.api.Test;

class DeclarationTest {

    @Test
    void declaresStopNearTheGoalTheNextManeuverNearItElseFollowLane() {
        assertThat(Declaration.maneuver(nearManeuver(Maneuver.TURN_LEFT, 5, 19.9, straight(20)), false))
                .isEqualTo(Maneuver.STOP);
        assertThat(Declaration.maneuver(nearManeuver(Maneuver.TURN_LEFT, 11.9, 100, straight(20)), false))
                .isEqualTo(Maneuver.TURN_LEFT);
        assertThat(Declaration.maneuver(nearManeuver(Maneuver.TURN_LEFT, 12, 100, straight(20)), false))
                .isEqualTo(Maneuver.FOLLOW_LANE);
    }

    @Test
    void brakingAtStandstillDeclaresStopAndOnlyThen() {
        Observation standing = cruising(0.4, straight(20), 100);
        Observation rolling = cruising(0.5, straight(20), 100);
        assertThat(Declaration.brakingAtStandstill(standing, -2)).isTrue();
        assertThat(Declaration.brakingAtStandstill(standing, 0)).isFalse();
        assertThat(Declaration.brakingAtStandstill(rolling, -2)).isFalse();
        assertThat(Declaration.maneuver(standing, true)).isEqualTo(Maneuver.STOP);
        assertThat(Declaration.maneuver(standing, false)).isEqualTo(Maneuver.FOLLOW_LANE);
    }

    @Test
    void aDecisionHeadsToTheNextPoiWithItsConfidenceClampedIntoZeroToOne() {
        Observation o = cruising(5, straight(20), 100);
        Decision d = Declaration.decision(o, Control.IDLE, Maneuver.FOLLOW_LANE, 1.0000001, "c");
        assertThat(d.targetPoi()).isEqualTo(o.nextPoi());
        assertThat(d.confidence()).isEqualTo(1);
        assertThat(d.carry()).isEqualTo("c");
    }
}

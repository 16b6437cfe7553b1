package dev.drivenotes.carla.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.VehicleSpec;
import dev.drivenotes.platform.remote.ProposedDecision.Proposed;
import org.junit.jupiter.api.Test;

class ControlSafetyTest {

    private static final double STEP_S = 0.05;
    private static final VehicleSpec CAR = VehicleSpec.EGO;
    /** How far the wheels turn in one 50 ms step at full rate, in steer units. */
    private static final double MAX_CHANGE = CAR.wheelAngleRateRadPerS() * STEP_S / CAR.maxWheelAngleRad();

    private final ControlSafety safety = new ControlSafety(CAR, STEP_S);

    @Test
    void passesAControlInRangeAndWithinReachOfTheWheelsUnchanged() {
        ControlSafety.Checked checked = safety.check(new Proposed(0.1, 0.4, 0.0), 0.0);

        assertThat(checked.clamped()).isFalse();
        assertThat(checked.decided()).isEqualTo(new Control(0.1, 0.4, 0.0));
        assertThat(checked.sent()).isEqualTo(checked.decided());
    }

    @Test
    void clampsValuesOutOfRangeToTheNearestBound() {
        ControlSafety.Checked checked = safety.check(new Proposed(-3.0, 1.7, -0.2), -1.0);

        assertThat(checked.clamped()).isTrue();
        assertThat(checked.decided()).isEqualTo(new Control(-1, 1, 0));
        assertThat(checked.sent()).isEqualTo(new Control(-1, 1, 0));
    }

    @Test
    void sendsASteerNoFurtherFromTheWheelsThanOneStepTurnsThemAndKeepsTheDecision() {
        ControlSafety.Checked right = safety.check(new Proposed(0.9, 0.3, 0.0), 0.1);
        ControlSafety.Checked left = safety.check(new Proposed(-0.9, 0.3, 0.0), 0.1);

        assertThat(right.clamped()).isTrue();
        assertThat(right.decided().steer()).isEqualTo(0.9);
        assertThat(right.sent().steer()).isCloseTo(0.1 + MAX_CHANGE, within(1e-12));
        assertThat(left.sent().steer()).isCloseTo(0.1 - MAX_CHANGE, within(1e-12));
    }

    @Test
    void replacesNonFiniteOrAbsentValuesByHoldingTheWheelsCuttingThrottleAndBraking() {
        ControlSafety.Checked checked = safety.check(new Proposed(Double.NaN, Double.POSITIVE_INFINITY, null), 0.2);
        ControlSafety.Checked nothing = safety.check(null, 0.2);

        assertThat(checked.clamped()).isTrue();
        assertThat(checked.decided()).isEqualTo(new Control(0.2, 0, 1));
        assertThat(nothing.sent()).isEqualTo(new Control(0.2, 0, 1));
    }
}

package dev.drivenotes.model.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class VehicleSpecTest {

    private static final VehicleSpec CAR = VehicleSpec.EGO;

    @Test
    void steerIsTheNegatedWheelAngleOverItsMaximumClampedToFullLock() {
        assertThat(CAR.steerFor(CAR.maxWheelAngleRad() / 2)).isEqualTo(-0.5);
        assertThat(CAR.steerFor(-CAR.maxWheelAngleRad() / 4)).isEqualTo(0.25);
        assertThat(CAR.steerFor(3 * CAR.maxWheelAngleRad())).isEqualTo(-1);
    }

    @Test
    void pedalsAddTheDragAtSpeedToTheWantedAcceleration() {
        Control cruise = CAR.controlFor(0.1, 0, 10);
        assertThat(cruise.throttle()).isCloseTo(10 * CAR.dragPerS() / CAR.throttleAccelMps2(), within(1e-12));
        assertThat(cruise.brake()).isZero();
        assertThat(cruise.steer()).isEqualTo(0.1);

        Control braking = CAR.controlFor(0, -4, 0);
        assertThat(braking.throttle()).isZero();
        assertThat(braking.brake()).isEqualTo(4 / CAR.brakeDecelMps2());

        assertThat(CAR.controlFor(0, 100, 0).throttle()).isEqualTo(1);
    }

    @Test
    void rejectsARearAxleOutsideTheBodyNamingTheField() {
        assertThatThrownBy(() -> new VehicleSpec(2.8, 0.7, 4, 3.5, 8, 0.02, 3, 4.6, 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("centreAheadOfRearAxleM");
        assertThatThrownBy(() -> new VehicleSpec(0, 0.7, 4, 3.5, 8, 0.02, 1.4, 4.6, 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("wheelbaseM");
    }
}

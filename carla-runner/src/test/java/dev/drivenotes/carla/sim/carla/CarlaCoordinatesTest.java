package dev.drivenotes.carla.sim.carla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** OpenDRIVE (right-handed, radians counter-clockwise) against CARLA (left-handed, degrees clockwise). */
class CarlaCoordinatesTest {

    @Test
    void northInOpenDriveIsNegativeYAndYawMinusNinetyInCarla() {
        assertThat(CarlaCoordinates.flipY(10)).isEqualTo(-10f);
        assertThat(CarlaCoordinates.yawDeg(Math.PI / 2)).isCloseTo(-90f, within(1e-4f));
        assertThat(CarlaCoordinates.headingRad(-90)).isCloseTo(Math.PI / 2, within(1e-9));
    }

    @Test
    void headingsSurviveTheRoundTripNormalised() {
        for (double h = -3; h <= 3; h += 0.25) {
            assertThat(CarlaCoordinates.headingRad(CarlaCoordinates.yawDeg(h))).isCloseTo(h, within(1e-5));
        }
        assertThat(CarlaCoordinates.headingRad(270)).isCloseTo(Math.PI / 2, within(1e-9));
    }
}

package dev.drivenotes.carla.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdmTest {

    /** A follower at the desired speed closes in on a stopped vehicle and stops a safe gap behind it. */
    @ParameterizedTest
    @ValueSource(doubles = {20, 40, 80})
    void stopsASafeGapBehindAStoppedVehicle(double initialGapM) {
        double dtS = 0.05;
        double speedMps = 8.33;
        double gapM = initialGapM;
        double smallestGapM = gapM;
        for (int step = 0; step < 2000; step++) {
            double a = Math.max(Idm.accelerationMps2(speedMps, 8.33, gapM, 0), -speedMps / dtS);
            speedMps = Math.max(0, speedMps + a * dtS);
            gapM -= speedMps * dtS;
            smallestGapM = Math.min(smallestGapM, gapM);
        }

        assertThat(speedMps).isLessThan(0.01);
        assertThat(smallestGapM).as("closest bumper gap").isGreaterThan(1.0);
        assertThat(gapM).isLessThan(Idm.MIN_GAP_M + 1.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 4, 7})
    void acceleratesOnAnEmptyRoadUpToTheDesiredSpeedOnly(double speedMps) {
        double free = Idm.accelerationMps2(speedMps, 8, Double.POSITIVE_INFINITY, 0);

        assertThat(free).isPositive().isLessThanOrEqualTo(Idm.MAX_ACCEL_MPS2);
        assertThat(Idm.accelerationMps2(9, 8, Double.POSITIVE_INFINITY, 0)).isNegative();
    }
}

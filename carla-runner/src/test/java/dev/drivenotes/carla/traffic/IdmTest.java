package dev.drivenotes.carla.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdmTest {

    private static final double DT_S = 0.05;

    /** A follower at the desired speed closes in on a stopped vehicle and stops a safe gap behind it. */
    @ParameterizedTest
    @ValueSource(doubles = {20, 40, 80})
    void stopsASafeGapBehindAStoppedVehicle(double initialGapM) {
        double speedMps = 8.33;
        double gapM = initialGapM;
        double smallestGapM = gapM;
        for (int step = 0; step < 2000; step++) {
            double a = Math.max(Idm.MODERATE.accelerationMps2(speedMps, 8.33, gapM, 0), -speedMps / DT_S);
            speedMps = Math.max(0, speedMps + a * DT_S);
            gapM -= speedMps * DT_S;
            smallestGapM = Math.min(smallestGapM, gapM);
        }

        assertThat(speedMps).isLessThan(0.01);
        assertThat(smallestGapM).as("closest bumper gap").isGreaterThan(1.0);
        assertThat(gapM).isLessThan(Idm.MIN_GAP_M + 1.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 4, 7})
    void acceleratesOnAnEmptyRoadUpToTheDesiredSpeedOnly(double speedMps) {
        double free = Idm.MODERATE.accelerationMps2(speedMps, 8, Double.POSITIVE_INFINITY, 0);

        assertThat(free).isPositive().isLessThanOrEqualTo(Idm.MAX_ACCEL_MPS2);
        assertThat(Idm.MODERATE.accelerationMps2(9, 8, Double.POSITIVE_INFINITY, 0))
                .isNegative();
    }

    @Test
    void aggressivenessOneHalfIsTheFleetsStandardDriverExactly() {
        assertThat(Idm.forAggressiveness(0.5))
                .isEqualTo(new Idm(Idm.TIME_HEADWAY_S, Idm.MIN_GAP_M, Idm.MAX_ACCEL_MPS2, Idm.COMFORT_DECEL_MPS2, 1.0));
    }

    /** The bumper gap a follower settles at behind a leader driving steadily at 8 m/s. */
    private static double followingGapM(Idm idm) {
        double leaderMps = 8;
        double speedMps = 8;
        double gapM = 60;
        for (int step = 0; step < 6000; step++) {
            double a = Math.max(idm.accelerationMps2(speedMps, 12, gapM, leaderMps), -speedMps / DT_S);
            speedMps = Math.max(0, speedMps + a * DT_S);
            gapM += (leaderMps - speedMps) * DT_S;
        }
        return gapM;
    }

    /** The bumper gap a follower stands at behind a stopped vehicle. */
    private static double standingGapM(Idm idm) {
        double speedMps = 8;
        double gapM = 60;
        for (int step = 0; step < 4000; step++) {
            double a = Math.max(idm.accelerationMps2(speedMps, 8, gapM, 0), -speedMps / DT_S);
            speedMps = Math.max(0, speedMps + a * DT_S);
            gapM -= speedMps * DT_S;
        }
        return gapM;
    }

    @Test
    void cautiousDriversFollowFartherAndAggressiveOnesCloser() {
        double cautious = followingGapM(Idm.forAggressiveness(0));
        double standard = followingGapM(Idm.forAggressiveness(0.5));
        double aggressive = followingGapM(Idm.forAggressiveness(1));

        assertThat(cautious).isGreaterThan(standard);
        assertThat(standard).isGreaterThan(aggressive);
        assertThat(aggressive).as("still keeps a gap").isPositive();
        assertThat(standingGapM(Idm.forAggressiveness(0)))
                .isGreaterThan(standingGapM(Idm.forAggressiveness(0.5)))
                .isGreaterThan(0);
        assertThat(standingGapM(Idm.forAggressiveness(1))).isLessThan(standingGapM(Idm.forAggressiveness(0.5)));
    }

    @Test
    void aggressiveDriversWantToGoFasterAndAccelerateHarder() {
        Idm cautious = Idm.forAggressiveness(0);
        Idm aggressive = Idm.forAggressiveness(1);

        assertThat(aggressive.desiredSpeedScale()).isGreaterThan(1).isGreaterThan(cautious.desiredSpeedScale());
        assertThat(aggressive.accelerationMps2(0, 8, Double.POSITIVE_INFINITY, 0))
                .isGreaterThan(cautious.accelerationMps2(0, 8, Double.POSITIVE_INFINITY, 0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.1, Double.NaN})
    void rejectsAggressivenessOutside0To1(double aggressiveness) {
        assertThatThrownBy(() -> Idm.forAggressiveness(aggressiveness))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("npcAggressiveness"));
    }
}

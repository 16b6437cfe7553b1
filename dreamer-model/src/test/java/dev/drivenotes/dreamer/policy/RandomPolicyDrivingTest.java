package dev.drivenotes.dreamer.policy;

import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Maneuver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The random baseline in closed loop with the kinematic bicycle of {@link AutopilotClosedLoopTest}. */
class RandomPolicyDrivingTest {

    private static final int STEPS = 400; // 20 s at 0.05 s a step

    private static List<double[]> drive(long seed) {
        RandomPolicy policy = new RandomPolicy(seed, SessionLimits.of(10));
        AutopilotClosedLoopTest.Bicycle car = new AutopilotClosedLoopTest.Bicycle();
        List<double[]> track = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            var o = observation()
                    .speedMps(car.speedMps)
                    .gnss(car.centreX(), car.centreY())
                    .compassRad(car.yawRad)
                    .route(List.of())
                    .nextManeuver(Maneuver.FOLLOW_LANE, 100)
                    .nextPoi("Library", 100)
                    .speedLimitMps(8.33)
                    .build();
            Decision decision = policy.decide(List.of(new PredictInstance("loop", o, step == 0, null)))
                    .getFirst();
            car.step(decision.control());
            track.add(new double[] {car.centreX(), car.centreY(), car.speedMps});
        }
        return track;
    }

    @Test
    void keepsMovingAboveItsSpeedFloorOnceUnderWay() {
        List<double[]> track = drive(7);

        double[] end = track.getLast();
        assertThat(Math.hypot(end[0], end[1]))
                .as("distance from the start after 20 s")
                .isGreaterThan(40);
        double meanSpeedMps = track.subList(STEPS / 2, STEPS).stream()
                .mapToDouble(p -> p[2])
                .average()
                .orElseThrow();
        assertThat(meanSpeedMps).isGreaterThan(RandomPolicy.SPEED_FLOOR_MPS * 0.8);
    }

    @Test
    void drivesTheSameTrackForTheSameSeedAndAnotherForAnotherSeed() {
        assertThat(drive(7)).usingRecursiveComparison().isEqualTo(drive(7));
        assertThat(drive(8).getLast()).isNotEqualTo(drive(7).getLast());
    }
}

package dev.drivenotes.dreamer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.StopSignAhead;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Closed loop on {@link AutopilotTrafficTest}'s 400 m straight road with the closed-loop test's bicycle, with stop
 * signs whose stop lines are at x = 80 m and x = 130 m; a sign is observed from the ego centre
 * within 60 m until the centre passes its line, as the simulator's sensor does.
 */
class AutopilotStopSignTest {

    private static final double STEP_S = 0.05;
    private static final double HALF_LENGTH_M = 2.3;
    /** The simulator's rule for a stop: below this speed... */
    private static final double STOPPED_MPS = 0.1;
    /** ...with the front bumper at most this far before the stop line. */
    private static final double ZONE_M = 4.0;

    private final AutopilotPolicy autopilot = new AutopilotPolicy(STEP_S, SessionLimits.of(10));

    private static Observation observe(AutopilotClosedLoopTest.Bicycle car, double[] linesM) {
        double x = car.centreX();
        StopSignAhead sign = null;
        for (double lineM : linesM) {
            if (lineM >= x) {
                sign = lineM - x <= 60 ? new StopSignAhead(lineM - x) : null;
                break;
            }
        }
        return AutopilotTrafficTest.onStraightRoad(car).stopSign(sign).build();
    }

    /** Per stop line: the longest time the car stood within the zone before it; -1 once its front crossed without. */
    private double[] drive(AutopilotClosedLoopTest.Bicycle car, double[] linesM, int steps, String session) {
        double[] stoodS = new double[linesM.length];
        double[] standingS = new double[linesM.length];
        for (int step = 0; step < steps; step++) {
            double frontM = car.centreX() + HALF_LENGTH_M;
            car.step(autopilot
                    .decide(List.of(new PredictInstance(session, observe(car, linesM), step == 0, null)))
                    .getFirst()
                    .control());
            double newFrontM = car.centreX() + HALF_LENGTH_M;
            for (int k = 0; k < linesM.length; k++) {
                boolean inZone = newFrontM <= linesM[k] && linesM[k] - newFrontM <= ZONE_M;
                standingS[k] = inZone && car.speedMps < STOPPED_MPS ? standingS[k] + STEP_S : 0;
                stoodS[k] = Math.max(stoodS[k], standingS[k]);
                if (frontM < linesM[k] && linesM[k] <= newFrontM && stoodS[k] == 0) {
                    stoodS[k] = -1;
                }
            }
        }
        return stoodS;
    }

    @Test
    void standsAtEachStopLineForASecondThenDrivesOn() {
        AutopilotClosedLoopTest.Bicycle car = new AutopilotClosedLoopTest.Bicycle();

        double[] stoodS = drive(car, new double[] {80, 130}, 1200, "signs");

        assertThat(stoodS[0]).as("stood at the first line").isBetween(1.0, 1.5);
        assertThat(stoodS[1]).as("stood at the second line").isBetween(1.0, 1.5);
        assertThat(car.centreX()).as("drove on").isGreaterThan(200);
    }

    /** The sign stays in view until the ego centre passes its line, 2.3 m after the front bumper. */
    @Test
    void comesToAStandstillOnlyOnceForOneSign() {
        AutopilotClosedLoopTest.Bicycle car = new AutopilotClosedLoopTest.Bicycle();
        int standstills = 0;
        boolean moving = false;
        for (int step = 0; step < 900; step++) {
            car.step(autopilot
                    .decide(List.of(new PredictInstance("once", observe(car, new double[] {80}), step == 0, null)))
                    .getFirst()
                    .control());
            if (moving && car.speedMps < STOPPED_MPS) {
                standstills++;
            }
            moving = car.speedMps >= STOPPED_MPS;
        }

        assertThat(standstills).isEqualTo(1);
        assertThat(car.centreX()).isGreaterThan(100);
    }

    @Test
    void aNewEpisodeStopsAgainAtTheSameSign() {
        AutopilotClosedLoopTest.Bicycle first = new AutopilotClosedLoopTest.Bicycle();
        drive(first, new double[] {80}, 600, "episodes");
        AutopilotClosedLoopTest.Bicycle second = new AutopilotClosedLoopTest.Bicycle();

        double[] stoodS = drive(second, new double[] {80}, 600, "episodes");

        assertThat(stoodS[0]).isGreaterThanOrEqualTo(1.0);
    }
}

package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class E2eFiguresTest {

    private static final double S = 1e9;

    /** A run: 8 s driving, ticks 6 s (predict calls 2 s, step phases 3.5 s), recording 1 s. */
    private static E2eMeterTotals run(long ticks, double[] bucketCounts) {
        return new E2eMeterTotals(
                4_000,
                3.5 * S,
                1.5 * S,
                8 * S,
                ticks,
                6 * S,
                2 * S,
                3.5 * S,
                7 * S,
                1 * S,
                new double[] {1e6, 2e6, 4e6},
                bucketCounts);
    }

    @Test
    void sharesSplitTheWallTimeIntoHopsThatDoNotOverlap() {
        E2eMeterTotals totals = run(100, new double[] {0, 0, 100});
        double wallSeconds = 10;

        Map<String, Double> shares = new E2eFigures(totals, wallSeconds, 1).shares();

        // parallel step calls overlap: carla-runner's share of a call scales the step phases' wall time
        double simulation = totals.stepPhaseNanos() * totals.simulationNanos() / totals.stepCallNanos();
        assertThat(shares.get("simulation")).isCloseTo(simulation / (wallSeconds * S), within(1e-9));
        assertThat(shares.get("inference")).isCloseTo(totals.inferenceNanos() / (wallSeconds * S), within(1e-9));
        assertThat(shares.get("transport"))
                .isCloseTo(
                        (totals.predictCallNanos() - totals.inferenceNanos() + totals.stepPhaseNanos() - simulation)
                                / (wallSeconds * S),
                        within(1e-9));
        assertThat(shares.get("reporting"))
                .isCloseTo((wallSeconds * S - totals.driveNanos()) / (wallSeconds * S), within(1e-9));
        assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1, within(1e-9));
    }

    @Test
    void aMeanTickSplitsIntoThePredictCallAndTheStepPhase() {
        E2eMeterTotals totals = run(100, new double[] {0, 0, 100});

        Map<String, Double> perTick = new E2eFigures(totals, 10, 1).perTickMs();

        // 100 ticks: predict calls 2 s, dreamer-service 1.5 s, step phases 3.5 s, simulators 3.5 s
        assertThat(perTick.get("predictCall")).isCloseTo(20, within(1e-9));
        assertThat(perTick.get("inference")).isCloseTo(15, within(1e-9));
        assertThat(perTick.get("stepPhase")).isCloseTo(35, within(1e-9));
        assertThat(perTick.get("simulationSteps")).isCloseTo(35, within(1e-9));
        assertThat(new E2eFigures(run(0, new double[] {0, 0, 0}), 10, 1).perTickMs())
                .isEmpty();
    }

    @Test
    void stepsPerSecondAreTheStepsOverTheDrivingTime() {
        E2eMeterTotals totals = run(100, new double[] {0, 0, 100});

        E2eFigures figures = new E2eFigures(totals, 10, 1);

        assertThat(figures.closedLoopStepsPerSecond())
                .isCloseTo(totals.simulationSteps() / (totals.driveNanos() / S), within(1e-9));
    }

    @Test
    void aTickQuantileIsTheBoundOfTheFirstBucketHoldingThatShareOfTheRunsTicks() {
        E2eMeterTotals before = run(5, new double[] {5, 5, 5});
        E2eMeterTotals after = run(105, new double[] {15, 95, 105});

        E2eMeterTotals delta = after.minus(before);

        // 10 of the run's 100 ticks took at most 1 ms, 90 at most 2 ms, all 100 at most 4 ms
        assertThat(delta.tickQuantileMs(0.05)).isEqualTo(1.0);
        assertThat(delta.tickQuantileMs(0.5)).isEqualTo(2.0);
        assertThat(delta.tickQuantileMs(0.99)).isEqualTo(4.0);
    }

    @Test
    void rejectsAWallTimeThatIsNotPositive() {
        E2eMeterTotals totals = run(100, new double[] {0, 0, 100});

        assertThatThrownBy(() -> new E2eFigures(totals, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wall time");
    }
}

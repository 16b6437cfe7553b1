package dev.drivenotes.reporter.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeanIntervalTest {

    private static double[] exponential(int n, double meanM, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = -meanM * Math.log(1 - random.nextDouble());
        }
        return values;
    }

    @Test
    void coversTheTrueMeanOfSkewedErrorsAboutNineteenTimesInTwenty() {
        int covered = 0;
        int samples = 200;
        for (long seed = 0; seed < samples; seed++) {
            MeanInterval interval = MeanInterval.bootstrap(exponential(60, 0.6, seed));
            if (interval.low() <= 0.6 && 0.6 <= interval.high()) {
                covered++;
            }
        }

        assertThat(covered / (double) samples).isBetween(0.88, 0.99);
    }

    @Test
    void holdsTheSampleMeanNarrowsWithMoreValuesAndIsTheSameEveryTime() {
        double[] few = exponential(20, 1, 7);
        double[] many = exponential(500, 1, 7);
        MeanInterval a = MeanInterval.bootstrap(few);
        MeanInterval b = MeanInterval.bootstrap(many);

        assertThat(MeanInterval.mean(few)).isBetween(a.low(), a.high());
        assertThat(a.n()).isEqualTo(20);
        assertThat(b.high() - b.low()).isLessThan((a.high() - a.low()) / 2);
        assertThat(MeanInterval.bootstrap(few)).isEqualTo(a);
        assertThat(a.low()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void oneValueIsItsOwnIntervalAndNoneHasNoInterval() {
        assertThat(MeanInterval.bootstrap(new double[] {2.5})).isEqualTo(new MeanInterval(2.5, 2.5, 1));
        assertThat(MeanInterval.bootstrap(new double[0])).isNull();
        assertThat(MeanInterval.mean(new double[0])).isNull();
    }
}

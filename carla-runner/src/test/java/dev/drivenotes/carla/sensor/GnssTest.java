package dev.drivenotes.carla.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GnssTest {

    private static final int STEPS = 2000;

    @Test
    void dropsAboutItsRateOfFixesRepeatingTheLastFixMeanwhile() {
        Gnss gnss = new Gnss(3, 5, 0.3);
        double[] fix = new double[2];
        double[] previous = new double[2];
        int dropouts = 0;
        for (int i = 0; i < STEPS; i++) {
            boolean dropout = gnss.measure(i, 0, fix);
            if (dropout) {
                dropouts++;
                assertThat(fix).as("step %d repeats the last fix", i).containsExactly(previous);
            }
            previous = fix.clone();
        }

        assertThat(dropouts / (double) STEPS).isCloseTo(0.3, within(0.04));
    }

    @Test
    void keepsTheSameNoiseOnFixesWhateverTheDropoutRate() {
        Gnss clean = new Gnss(3, 5, 0);
        Gnss dropping = new Gnss(3, 5, 0.5);
        double[] a = new double[2];
        double[] b = new double[2];
        int compared = 0;
        for (int i = 0; i < 200; i++) {
            assertThat(clean.measure(i, 0, a)).as("no dropout at rate 0").isFalse();
            if (!dropping.measure(i, 0, b)) {
                assertThat(b).containsExactly(a);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void refusesADropoutRateOutsideZeroToOne() {
        assertThatThrownBy(() -> new Gnss(1, 1, 1.5)).hasMessageContaining("dropoutRate");
    }
}

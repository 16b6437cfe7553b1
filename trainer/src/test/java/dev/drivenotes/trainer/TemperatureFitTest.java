package dev.drivenotes.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.dreamer.model.Narration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemperatureFitTest {

    /** Logits whose labels are drawn from {@code softmax(logits / trueT)}: the fit must find trueT. */
    static List<TemperatureFit.Sample> drawn(double trueT, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TemperatureFit.Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] logits = new float[3];
            for (int k = 0; k < logits.length; k++) {
                logits[k] = (float) (r.nextGaussian() * 4);
            }
            double[] p = Narration.probabilities(logits, trueT);
            double u = r.nextDouble();
            int label = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            out.add(new TemperatureFit.Sample(logits, label));
        }
        return out;
    }

    @Test
    void recoversAKnownTemperatureFromSyntheticLogits() {
        assertThat(TemperatureFit.fit(drawn(2.5, 20_000, 1))).isCloseTo(2.5, within(0.15));
        assertThat(TemperatureFit.fit(drawn(0.5, 20_000, 2))).isCloseTo(0.5, within(0.03));
    }

    @Test
    void theFittedTemperatureHasTheLeastNegativeLogLikelihood() {
        List<TemperatureFit.Sample> samples = drawn(1.7, 5_000, 3);
        double t = TemperatureFit.fit(samples);
        double best = TemperatureFit.nll(samples, t);
        assertThat(best).isLessThan(TemperatureFit.nll(samples, t * 1.2));
        assertThat(best).isLessThan(TemperatureFit.nll(samples, t / 1.2));
    }

    @Test
    void expectedCalibrationErrorOfAHandCheckedCase() {
        // bin 0.8–1.0: 0.95 right, 0.85 wrong → accuracy 0.5, confidence 0.9, gap 0.4, weight 2/3
        // bin 0.2–0.4: 0.3 right → accuracy 1, confidence 0.3, gap 0.7, weight 1/3
        double ece = TemperatureFit.ece(new double[] {0.95, 0.85, 0.3}, new boolean[] {true, false, true});
        assertThat(ece).isCloseTo((2 * 0.4 + 0.7) / 3, within(1e-12));
    }

    @Test
    void aConfidenceOfOneFallsInTheLastBin() {
        assertThat(TemperatureFit.ece(new double[] {1.0, 0.9}, new boolean[] {true, true}))
                .isCloseTo(0.05, within(1e-12));
    }
}

package dev.drivenotes.trainer;

import dev.drivenotes.dreamer.model.Narration;
import java.util.List;

/**
 * Temperature scaling (Guo et al. 2017, "On Calibration of Modern Neural Networks"): the one
 * temperature T that minimises the negative log-likelihood of the labels under {@code softmax(logits
 * / T)} on held-out samples, and the expected calibration error that measures it. Pure arithmetic.
 */
final class TemperatureFit {

    /** Temperatures searched: {@code [MIN_T, MAX_T]}, on a log scale. */
    static final double MIN_T = 0.01;

    static final double MAX_T = 100;
    /** Golden-section iterations: the bracket shrinks to 0.618^80 of its log-width. */
    private static final int ITERATIONS = 80;
    /** Confidence bins of the calibration error: five of width 0.2, as report.json's. */
    static final int ECE_BINS = 5;

    /** One labelled sample: the head's logits and the index of the true class. */
    record Sample(float[] logits, int label) {
        Sample {
            if (label < 0 || label >= logits.length) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (logits.length - 1));
            }
        }
    }

    private TemperatureFit() {}

    /** Mean negative log-likelihood of the labels at temperature {@code t}. */
    static double nll(List<Sample> samples, double t) {
        double sum = 0;
        for (Sample s : samples) {
            sum -= Math.log(Math.max(1e-300, Narration.probabilities(s.logits(), t)[s.label()]));
        }
        return samples.isEmpty() ? 0 : sum / samples.size();
    }

    /**
     * The temperature in [{@value #MIN_T}, {@value #MAX_T}] of least {@link #nll} (golden-section
     * search over log T: the NLL of temperature scaling is unimodal in T).
     */
    static double fit(List<Sample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no labelled samples to fit a temperature on");
        }
        double phi = (Math.sqrt(5) - 1) / 2;
        double lo = Math.log(MIN_T);
        double hi = Math.log(MAX_T);
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(samples, Math.exp(a));
        double fb = nll(samples, Math.exp(b));
        for (int i = 0; i < ITERATIONS; i++) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(samples, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(samples, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /**
     * Expected calibration error: predictions binned by confidence into {@value #ECE_BINS} bins of
     * equal width (1.0 in the last), the prediction-weighted mean over bins of |accuracy − mean
     * confidence|; 0 without predictions.
     */
    static double ece(double[] confidence, boolean[] correct) {
        int[] count = new int[ECE_BINS];
        double[] right = new double[ECE_BINS];
        double[] sure = new double[ECE_BINS];
        for (int i = 0; i < confidence.length; i++) {
            int b = Math.min(ECE_BINS - 1, (int) Math.floor(confidence[i] * ECE_BINS));
            count[b]++;
            right[b] += correct[i] ? 1 : 0;
            sure[b] += confidence[i];
        }
        double sum = 0;
        for (int b = 0; b < ECE_BINS; b++) {
            if (count[b] > 0) {
                sum += Math.abs(right[b] - sure[b]);
            }
        }
        return confidence.length == 0 ? 0 : sum / confidence.length;
    }
}

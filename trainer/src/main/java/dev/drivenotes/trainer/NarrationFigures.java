package dev.drivenotes.trainer;

import dev.drivenotes.dreamer.model.Narration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The narration head's figures on the drives of {@link Calibrate}: maneuver accuracy, expected
 * calibration error ({@link TemperatureFit#ece}) and negative log-likelihood at a temperature, per
 * labelled step and per junction note (the arg-max on a whole traversal's last step, when the ego
 * leaves the junction, its probability the confidence: how the reporter turns the head's per-step
 * declarations into a note).
 */
final class NarrationFigures {

    /** Accuracy, calibration error and negative log-likelihood of the head's predictions. */
    public record Figures(int count, double accuracy, double ece, double nll) {
        String line() {
            return String.format(Locale.ROOT, "%d, accuracy %.3f, ECE %.3f, NLL %.3f", count, accuracy, ece, nll);
        }
    }

    /** The head's figures at one temperature, per labelled step and per junction note. */
    public record AtTemperature(double temperature, Figures steps, Figures notes) {
        String lines(String name) {
            return String.format(
                    Locale.ROOT,
                    "%s T=%.4f: labelled steps %s%n%s T=%.4f: junction notes %s",
                    name,
                    temperature,
                    steps.line(),
                    name,
                    temperature,
                    notes.line());
        }
    }

    /** A step the head spoke on: its logits (null on an episode's last state), later its label. */
    static final class Pending {
        final float[] logits;
        final int traversal;
        int label = -1;

        Pending(float[] logits, int traversal) {
            this.logits = logits;
            this.traversal = traversal;
        }
    }

    private NarrationFigures() {}

    static AtTemperature at(List<TemperatureFit.Sample> samples, List<List<Pending>> drives, double t) {
        return new AtTemperature(t, steps(samples, t), notes(drives, t));
    }

    private static Figures steps(List<TemperatureFit.Sample> samples, double t) {
        double[] confidence = new double[samples.size()];
        boolean[] correct = new boolean[samples.size()];
        int right = 0;
        for (int i = 0; i < samples.size(); i++) {
            TemperatureFit.Sample s = samples.get(i);
            int said = Narration.argMax(s.logits());
            confidence[i] = Narration.probabilities(s.logits(), t)[said];
            correct[i] = said == s.label();
            right += correct[i] ? 1 : 0;
        }
        return new Figures(
                samples.size(),
                (double) right / samples.size(),
                TemperatureFit.ece(confidence, correct),
                TemperatureFit.nll(samples, t));
    }

    /** One figure per whole traversal: the arg-max and its probability on its last step, as a junction note. */
    private static Figures notes(List<List<Pending>> drives, double t) {
        List<Double> confidence = new ArrayList<>();
        List<Boolean> correct = new ArrayList<>();
        double nll = 0;
        for (List<Pending> drive : drives) {
            // declared when it leaves the junction: the head's arg-max on each traversal's last labelled step
            Map<Integer, Pending> exits = new LinkedHashMap<>();
            for (Pending p : drive) {
                if (p.logits != null && p.label >= 0) {
                    exits.put(p.traversal, p);
                }
            }
            for (Pending exit : exits.values()) {
                int said = Narration.argMax(exit.logits);
                double[] probs = Narration.probabilities(exit.logits, t);
                confidence.add(probs[said]);
                correct.add(said == exit.label);
                nll -= Math.log(Math.max(1e-300, probs[exit.label]));
            }
        }
        int n = confidence.size();
        double[] conf = confidence.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] right = new boolean[n];
        int rightCount = 0;
        for (int i = 0; i < n; i++) {
            right[i] = correct.get(i);
            rightCount += right[i] ? 1 : 0;
        }
        return new Figures(
                n, n == 0 ? 0 : (double) rightCount / n, TemperatureFit.ece(conf, right), n == 0 ? 0 : nll / n);
    }
}

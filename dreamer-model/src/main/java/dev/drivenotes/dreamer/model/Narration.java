package dev.drivenotes.dreamer.model;

import dev.drivenotes.model.sim.Maneuver;
import java.util.List;

/**
 * The narration head's classes and its calibrated output. The head reads the same latent features
 * as the actor and names the maneuver of the junction traversal the agent is in; it is trained on the
 * simulator's true maneuver of each traversal (the heading change from the record before the junction
 * to the record after it, {@link Maneuver#fromHeadingChange}). Its probabilities are the softmax of
 * the logits divided by a temperature fitted on validation seeds (1 = uncalibrated).
 */
public final class Narration {

    /** The maneuvers a junction traversal can end in, in the order of the head's outputs. */
    public static final List<Maneuver> CLASSES = List.of(Maneuver.TURN_LEFT, Maneuver.TURN_RIGHT, Maneuver.GO_STRAIGHT);

    private Narration() {}

    /** The head's output index of a junction maneuver, −1 for any other maneuver. */
    public static int index(Maneuver maneuver) {
        return CLASSES.indexOf(maneuver);
    }

    /** {@code softmax(logits / temperature)}: the calibrated probabilities of the classes. */
    public static double[] probabilities(float[] logits, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, was " + temperature);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l / temperature);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] / temperature - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** Index of the first largest logit. */
    public static int argMax(float[] logits) {
        int best = 0;
        for (int k = 1; k < logits.length; k++) {
            if (logits[k] > logits[best]) {
                best = k;
            }
        }
        return best;
    }
}

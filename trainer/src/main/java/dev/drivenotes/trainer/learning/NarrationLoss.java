package dev.drivenotes.trainer.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.Layers;
import java.util.Arrays;

/** The narration head's part of the world-model loss ({@link Learner}) and its accuracy on a batch. */
final class NarrationLoss {

    /** Name prefix of the head's parameters. */
    static final String PREFIX = "narration";

    private NarrationLoss() {}

    /** Share of the labelled steps whose head arg-max is their label; NaN without labels or head. */
    static double accuracy(NDArray logits, int[] maneuvers) {
        if (logits == null) {
            return Double.NaN;
        }
        long[] argMax = logits.argMax(-1).toLongArray();
        int labelled = 0;
        int right = 0;
        for (int i = 0; i < maneuvers.length; i++) {
            if (maneuvers[i] >= 0) {
                labelled++;
                right += argMax[i] == maneuvers[i] ? 1 : 0;
            }
        }
        return labelled == 0 ? Double.NaN : (double) right / labelled;
    }

    /**
     * The narration head's cross-entropy, averaged over the steps with a maneuver label (the others
     * are masked out), and its logits; a zero loss and null logits for a model without the head. In
     * narration-only training the features are cut from the graph, so only the head learns.
     */
    static NDArray[] of(DreamerNets nets, Hyper hyper, NDManager step, SequenceBatch b, NDArray feat) {
        DreamerConfig c = nets.config();
        if (!c.narrates()) {
            return new NDArray[] {step.zeros(new Shape()), null};
        }
        int n = b.batch() * b.length();
        NDArray logits = nets.narrationLogits(hyper.narrationOnly() ? feat.stopGradient() : feat);
        NDArray target = Learner.oneHot(step, b.maneuvers(), 0, n, c.narrationClasses());
        long labelled = Arrays.stream(b.maneuvers()).filter(m -> m >= 0).count();
        NDArray loss = Layers.over(logits.logSoftmax(-1).mul(target).sum().neg(), Math.max(1f, labelled));
        return new NDArray[] {loss, logits.stopGradient()};
    }
}

package dev.drivenotes.dreamer.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LayersTest {

    /**
     * Regression: DJL's {@code mul(Number)} lets the garbage collector free a constant that autograd
     * still needs, so gradients read freed memory. The helpers must give exact gradients however much
     * collection happens between the forward and the backward pass.
     */
    @Test
    void constantsInTheGraphSurviveGarbageCollectionBeforeTheBackwardPass() {
        assertThat(gradients(x -> Layers.times(x, 3f))).containsOnly(3f);
        assertThat(gradients(x -> Layers.over(x, 0.5f))).containsOnly(2f);
        assertThat(gradients(x -> Layers.atLeast(x.mul(x), 0.5f))).containsOnly(2f);
    }

    private static float[] gradients(UnaryOperator<NDArray> f) {
        float[] seen = new float[20];
        try (NDManager manager = Djl.newManager()) {
            NDArray x = manager.ones(new Shape(4));
            x.setRequiresGradient(true);
            for (int k = 0; k < seen.length; k++) {
                try (NDManager step = manager.newSubManager();
                        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray y = f.apply(x).sum();
                    for (int j = 0; j < 2_000; j++) { // reuse of freed direct memory shows as wrong gradients
                        ByteBuffer.allocateDirect(4).putFloat(0, 1e20f);
                    }
                    System.gc();
                    gc.backward(y);
                }
                try (NDArray g = x.getGradient()) {
                    seen[k] = g.getFloat(0);
                    g.set(new NDIndex("..."), 0);
                }
            }
        }
        return seen;
    }
}

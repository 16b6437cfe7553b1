package dev.drivenotes.dreamer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The vectorised activations against double-precision {@link Math}. */
class ActivationsTest {

    static final int N = 4001;

    /** Inputs spread over ±{@code range}, plus the ends of the float range and a zero. */
    static float[] inputs(double range) {
        float[] v = new float[N + 3];
        for (int i = 0; i < N; i++) {
            v[i] = (float) (range * (2.0 * i / (N - 1) - 1));
        }
        v[N] = 0f;
        v[N + 1] = -Float.MAX_VALUE;
        v[N + 2] = Float.MAX_VALUE;
        return v;
    }

    static double maxError(float[] in, float[] out, DoubleUnaryOperator exact, boolean relativeToInput) {
        double worst = 0;
        for (int i = 0; i < in.length; i++) {
            double want = exact.applyAsDouble(in[i]);
            double scale = relativeToInput ? Math.max(1, Math.abs(in[i])) : 1;
            worst = Math.max(worst, Math.abs(out[i] - want) / scale);
        }
        return worst;
    }

    @Test
    void siluMatchesMathWithinFloatPrecision() {
        float[] in = inputs(60);
        float[] out = in.clone();
        new Activations(out.length).silu(out, out.length);
        assertThat(maxError(in, out, x -> x / (1 + Math.exp(-x)), true)).isLessThan(5e-7);
    }

    @Test
    void sigmoidMatchesMathWithinFloatPrecision() {
        float[] in = inputs(100);
        float[] out = in.clone();
        new Activations(out.length).sigmoid(out, out.length);
        assertThat(maxError(in, out, x -> 1 / (1 + Math.exp(-x)), false)).isLessThan(3e-7);
        assertThat(out[N + 1]).isCloseTo(0f, within(1e-30f));
        assertThat(out[N + 2]).isEqualTo(1f);
    }

    @Test
    void tanhMatchesMathWithinFloatPrecision() {
        float[] in = inputs(50);
        float[] out = in.clone();
        new Activations(out.length).tanh(out, out.length);
        assertThat(maxError(in, out, Math::tanh, false)).isLessThan(3e-7);
        assertThat(out[N]).isCloseTo(0f, within(1e-7f));
    }

    @Test
    void onlyTheFirstNValuesChange() {
        float[] v = {1f, 2f, 3f};
        new Activations(3).sigmoid(v, 2);
        assertThat(v[2]).isEqualTo(3f);
        assertThat(v[0]).isCloseTo((float) (1 / (1 + Math.exp(-1))), within(1e-7f));
    }

    @Test
    void notANumberStaysNotANumber() {
        float[] v = {Float.NaN};
        new Activations(1).silu(v, 1);
        assertThat(v[0]).isNaN();
    }
}

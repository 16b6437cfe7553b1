package dev.drivenotes.dreamer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SymlogTwoHotTest {

    @Test
    void symexpInvertsSymlog() {
        for (double x : new double[] {-1e4, -3.5, -1, 0, 0.2, 7, 12345}) {
            assertThat(Symlog.symexp(Symlog.symlog(x))).isCloseTo(x, within(Math.abs(x) * 1e-9 + 1e-12));
        }
    }

    @Test
    void ndarraySymlogMatchesScalar() {
        try (NDManager m = Djl.newManager()) {
            float[] out = Symlog.symexp(Symlog.symlog(m.create(new float[] {-50f, -1f, 0f, 3f, 400f})))
                    .toFloatArray();
            assertThat(out).containsExactly(new float[] {-50f, -1f, 0f, 3f, 400f}, within(1e-2f));
            assertThat(Symlog.symlog(m.create(new float[] {9f})).getFloat())
                    .isCloseTo((float) Math.log(10), within(1e-5f));
        }
    }

    @Test
    void twoHotEncodesOnTwoNeighbouringBinsAndDecodesBack() {
        float[] values = {-300f, -2.5f, 0f, 0.01f, 1f, 42f, 1000f};
        float[] encoded = TwoHot.encode(values);
        try (NDManager m = Djl.newManager()) {
            var logits = m.create(encoded, new Shape(values.length, TwoHot.BINS))
                    .add(1e-12f)
                    .log();
            float[] decoded = TwoHot.decode(logits).toFloatArray();
            for (int i = 0; i < values.length; i++) {
                assertThat(decoded[i]).isCloseTo(values[i], within(Math.abs(values[i]) * 1e-3f + 1e-4f));
                int nonZero = 0;
                double sum = 0;
                for (int k = 0; k < TwoHot.BINS; k++) {
                    nonZero += encoded[i * TwoHot.BINS + k] > 0 ? 1 : 0;
                    sum += encoded[i * TwoHot.BINS + k];
                }
                assertThat(nonZero).isBetween(1, 2);
                assertThat(sum).isCloseTo(1, within(1e-6));
            }
        }
    }

    @Test
    void actionsMapToControlsAndBack() {
        for (int a = 0; a < DrivingActions.COUNT; a++) {
            assertThat(DrivingActions.nearest(DrivingActions.control(a))).isEqualTo(a);
        }
        assertThat(DrivingActions.control(14).steer()).isEqualTo(0.6);
        assertThat(DrivingActions.control(14).throttle()).isGreaterThan(0);
        assertThat(DrivingActions.control(0).brake()).isGreaterThan(0);
    }
}

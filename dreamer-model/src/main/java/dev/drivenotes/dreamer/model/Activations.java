package dev.drivenotes.dreamer.model;

/**
 * Element-wise exp-based activations (SiLU, sigmoid, tanh) over the first {@code n} values of an
 * array, in place, for {@link FusedActor}. {@link Math#exp} is a scalar call of about 9 ns and the
 * acting step needs over a thousand per instance, a third of its time; this computes {@code e^x}
 * in a loop HotSpot vectorises (Cody–Waite range reduction, degree-7 Taylor polynomial, relative
 * error below 3·10⁻⁷), and only the final scaling by {@code 2^k} (a bit pattern, which C2 does not
 * vectorise) in a second, cheap loop. Holds its own working arrays: one instance per thread.
 */
final class Activations {

    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float MAX_ARG = 87f;

    private final float[] e;
    private final int[] scale;

    Activations(int width) {
        this.e = new float[width];
        this.scale = new int[width];
    }

    /** {@code e[j] = exp(factor · v[j])}, the argument clamped to ±87 (float range). */
    private void exp(float[] v, int n, float factor) {
        float[] e = this.e;
        int[] scale = this.scale;
        for (int j = 0; j < n; j++) {
            float x = Math.min(Math.max(factor * v[j], -MAX_ARG), MAX_ARG);
            int k = (int) (x * LOG2E + 127.5f); // round(x / ln 2) + 127, positive, so truncation floors
            float kf = k - 127;
            float r = x - kf * LN2_HI - kf * LN2_LO;
            float p = 1f / 5040;
            p = p * r + 1f / 720;
            p = p * r + 1f / 120;
            p = p * r + 1f / 24;
            p = p * r + 1f / 6;
            p = p * r + 0.5f;
            p = p * r + 1f;
            e[j] = p * r + 1f;
            scale[j] = k << 23;
        }
        for (int j = 0; j < n; j++) {
            e[j] *= Float.intBitsToFloat(scale[j]);
        }
    }

    /** {@code v ← v·σ(v)}. */
    void silu(float[] v, int n) {
        exp(v, n, -1f);
        float[] e = this.e;
        for (int j = 0; j < n; j++) {
            v[j] = v[j] / (1f + e[j]);
        }
    }

    /** {@code v ← σ(v) = 1 / (1 + e^−v)}. */
    void sigmoid(float[] v, int n) {
        exp(v, n, -1f);
        float[] e = this.e;
        for (int j = 0; j < n; j++) {
            v[j] = 1f / (1f + e[j]);
        }
    }

    /** {@code v ← tanh(v) = 2σ(2v) − 1}. */
    void tanh(float[] v, int n) {
        exp(v, n, -2f);
        float[] e = this.e;
        for (int j = 0; j < n; j++) {
            v[j] = 2f / (1f + e[j]) - 1f;
        }
    }
}

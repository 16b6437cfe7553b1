package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;

/**
 * One dense layer of {@link Params} copied into plain arrays (weight rows {@code [in][out]} as the
 * layout stores it row-major, bias, and the LayerNorm gain / offset of {@code name.n} when it has
 * one), with row-batched kernels for {@link FusedActor}: every method works on the first {@code
 * rows} rows of {@code y}, each of width {@code out}.
 *
 * <p>Why rows as separate arrays: HotSpot's C2 vectorises {@code y[j] += x·w[j]} only when it can
 * rule out that a store feeds a later load, which it can when both sides use the same index (one
 * array per row), not when they use different offsets into flat arrays (measured: 8× slower). The
 * inner loop runs over the output index and fuses four input rows per pass, to cut loads and stores
 * of the accumulators. Immutable after construction, so shared freely between threads.
 */
final class FusedLayer {

    final int in;
    final int out;
    private final float[][] w;
    private final float[] b;
    private final float[] g;
    private final float[] o;

    private FusedLayer(int in, int out, float[][] w, float[] b, float[] g, float[] o) {
        this.in = in;
        this.out = out;
        this.w = w;
        this.b = b;
        this.g = g;
        this.o = o;
    }

    /** Copies {@code name.w}, {@code name.b} and, when {@code normed}, {@code name.n.g / .o}. */
    static FusedLayer of(Params p, String name, boolean normed) {
        NDArray weight = p.get(name + ".w");
        if (weight.getShape().dimension() != 2) {
            throw new IllegalArgumentException(name + ".w: expected [in, out], was " + weight.getShape());
        }
        int in = Math.toIntExact(weight.getShape().get(0));
        int out = Math.toIntExact(weight.getShape().get(1));
        float[] flat = weight.toFloatArray();
        float[][] rows = new float[in][];
        for (int i = 0; i < in; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * out, (i + 1) * out);
        }
        return new FusedLayer(
                in,
                out,
                rows,
                vector(p, name + ".b", out),
                normed ? vector(p, name + ".n.g", out) : null,
                normed ? vector(p, name + ".n.o", out) : null);
    }

    private static float[] vector(Params p, String name, int size) {
        float[] v = p.get(name).toFloatArray();
        if (v.length != size) {
            throw new IllegalArgumentException(name + ": expected " + size + " values, was " + v.length);
        }
        return v;
    }

    /** Sets every row of {@code y} to the bias. */
    void bias(float[][] y, int rows) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(b, 0, y[r], 0, out);
        }
    }

    /**
     * Adds {@code x · W[wRow, wRow + n)} to {@code y}: row {@code r} of {@code x} holds {@code n}
     * values, the part of this layer's input that starts at input index {@code wRow}.
     */
    void dense(float[][] x, int n, int wRow, float[][] y, int rows) {
        int out = this.out;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            float[] w0 = w[wRow + i];
            float[] w1 = w[wRow + i + 1];
            float[] w2 = w[wRow + i + 2];
            float[] w3 = w[wRow + i + 3];
            for (int r = 0; r < rows; r++) {
                float[] xr = x[r];
                float x0 = xr[i];
                float x1 = xr[i + 1];
                float x2 = xr[i + 2];
                float x3 = xr[i + 3];
                float[] yr = y[r];
                for (int j = 0; j < out; j++) {
                    yr[j] += x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j];
                }
            }
        }
        for (; i < n; i++) {
            float[] w0 = w[wRow + i];
            for (int r = 0; r < rows; r++) {
                float x0 = x[r][i];
                float[] yr = y[r];
                for (int j = 0; j < out; j++) {
                    yr[j] += x0 * w0[j];
                }
            }
        }
    }

    /** Adds weight row {@code wRow} to {@code y}: a one-hot input. */
    void addRow(int wRow, float[] y) {
        float[] w0 = w[wRow];
        for (int j = 0; j < out; j++) {
            y[j] += w0[j];
        }
    }

    /** LayerNorm (epsilon {@link Layers#NORM_EPS}, gain, offset) of each row, in place. */
    void norm(float[][] y, int rows) {
        for (int r = 0; r < rows; r++) {
            float[] yr = y[r];
            double sum = 0;
            for (int j = 0; j < out; j++) {
                sum += yr[j];
            }
            float mean = (float) (sum / out);
            double squares = 0;
            for (int j = 0; j < out; j++) {
                float d = yr[j] - mean;
                squares += d * d;
            }
            float scale = (float) (1 / Math.sqrt(squares / out + Layers.NORM_EPS));
            for (int j = 0; j < out; j++) {
                yr[j] = (yr[j] - mean) * scale * g[j] + o[j];
            }
        }
    }

    /** LayerNorm, then SiLU ({@code x·σ(x)}), in place. */
    void normSilu(float[][] y, int rows, Activations act) {
        norm(y, rows);
        for (int r = 0; r < rows; r++) {
            act.silu(y[r], out);
        }
    }
}

package dev.drivenotes.dreamer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RasterNetsTest {

    static final DreamerConfig TINY_BEV = DreamerConfig.preset("tiny-bev");

    @Test
    void compactBevHasDreamerV3sImageEncoderStages() {
        DreamerConfig c = DreamerConfig.preset("compact-bev");
        Map<String, Shape> shapes = DreamerNets.layout(c).shapes();
        // depth 16: 16/32/64/128 channels, kernel 4, 64 → 32 → 16 → 8 → 4 px
        assertThat(shapes.get("enc.cnn.0.w")).isEqualTo(new Shape(16, 3, 4, 4));
        assertThat(shapes.get("enc.cnn.1.w")).isEqualTo(new Shape(32, 16, 4, 4));
        assertThat(shapes.get("enc.cnn.2.w")).isEqualTo(new Shape(64, 32, 4, 4));
        assertThat(shapes.get("enc.cnn.3.w")).isEqualTo(new Shape(128, 64, 4, 4));
        assertThat(shapes.get("enc.cnn.3.n.g")).isEqualTo(new Shape(128));
        assertThat(shapes).doesNotContainKey("enc.cnn.4.w");
        int flat = 128 * 4 * 4;
        assertThat(shapes.get("obs_out.0.w")).isEqualTo(new Shape(c.deter() + c.hidden() + flat, c.hidden()));
        assertThat(shapes.get("dec.cnn.in.w")).isEqualTo(new Shape(c.feat(), flat));
        assertThat(shapes.get("dec.cnn.3.w")).isEqualTo(new Shape(128, 64, 4, 4));
        assertThat(shapes.get("dec.cnn.0.w")).isEqualTo(new Shape(16, 3, 4, 4));
        assertThat(shapes).doesNotContainKey("dec.cnn.0.n.g");
    }

    @Test
    void theRasterAddsExactlyTheCnnParameters() {
        DreamerConfig vector = DreamerConfig.preset("tiny");
        long encoder = 0;
        long decoder = 0;
        int[] ch = {3, 4, 8, 16, 32};
        for (int i = 0; i < 4; i++) {
            encoder += (long) ch[i + 1] * ch[i] * 16 + ch[i + 1] + 2L * ch[i + 1];
            decoder += (long) ch[i + 1] * ch[i] * 16 + ch[i] + (i > 0 ? 2L * ch[i] : 0);
        }
        decoder += (long) TINY_BEV.feat() * 512 + 512;
        long widerPosterior = 512L * TINY_BEV.hidden();
        assertThat(size(DreamerNets.layout(TINY_BEV)) - size(DreamerNets.layout(vector)))
                .isEqualTo(encoder + decoder + widerPosterior);
        assertThat(DreamerNets.layout(vector).shapes().keySet()).noneMatch(k -> k.contains("cnn"));
    }

    @Test
    void encoderAndDecoderMapRastersToEmbeddingsAndBack() {
        try (NDManager m = Djl.newManager()) {
            DreamerNets nets = new DreamerNets(TINY_BEV, Params.initialise(m, DreamerNets.layout(TINY_BEV), 1));
            byte[] bytes = new byte[2 * TINY_BEV.rasterBytes()];
            bytes[0] = (byte) 255;
            NDArray rasters = nets.rasters(m, bytes, 2);
            assertThat(rasters.getShape()).isEqualTo(new Shape(2, 3, 64, 64));
            assertThat(rasters.getFloat(0, 0, 0, 0)).isEqualTo(0.5f);
            assertThat(rasters.getFloat(0, 0, 0, 1)).isEqualTo(-0.5f);
            NDArray embed = nets.embed(m.zeros(new Shape(2, ObservationVector.DIM)), rasters);
            assertThat(embed.getShape()).isEqualTo(new Shape(2, TINY_BEV.hidden() + 32 * 4 * 4));
            // the two rasters differ in one pixel, and so do their embeddings
            assertThat(embed.get(0).sub(embed.get(1)).abs().sum().getFloat()).isPositive();
            NDArray decoded = nets.decodeRaster(m.zeros(new Shape(5, TINY_BEV.feat())));
            assertThat(decoded.getShape()).isEqualTo(new Shape(5, 3, 64, 64));
            assertThatThrownBy(() -> nets.embed(m.zeros(new Shape(2, ObservationVector.DIM))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("raster");
            assertThatThrownBy(() -> nets.rasters(m, new byte[10], 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bytes");
        }
    }

    @Test
    void convUpIsATransposedConvolutionWithPyTorchsWeightLayout() {
        int in = 2;
        int out = 3;
        int h = 3;
        int w = 2;
        try (NDManager m = Djl.newManager()) {
            Params p = Params.initialise(m, new Layout().deconv("d", in, out, 4), 9);
            p.get("d.b").addi(m.create(new float[] {0.1f, -0.2f, 0.3f}));
            float[] x = new float[in * h * w];
            java.util.SplittableRandom r = new java.util.SplittableRandom(4);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextDouble(-1, 1);
            }
            float[] kernel = p.get("d.w").toFloatArray();
            float[] bias = p.get("d.b").toFloatArray();
            NDArray y = Layers.convUp(p, "d", m.create(x, new Shape(1, in, h, w)));
            assertThat(y.getShape()).isEqualTo(new Shape(1, out, 2 * h, 2 * w));
            // y[o, a, b] = bias[o] + Σ x[c, i, j] · kernel[c, o, a − 2i + 1, b − 2j + 1]
            float[] expected = new float[out * 2 * h * 2 * w];
            for (int o = 0; o < out; o++) {
                for (int a = 0; a < 2 * h; a++) {
                    for (int b = 0; b < 2 * w; b++) {
                        double sum = bias[o];
                        for (int c = 0; c < in; c++) {
                            for (int i = 0; i < h; i++) {
                                for (int j = 0; j < w; j++) {
                                    int ki = a - 2 * i + 1;
                                    int kj = b - 2 * j + 1;
                                    if (ki >= 0 && ki < 4 && kj >= 0 && kj < 4) {
                                        sum += x[(c * h + i) * w + j] * kernel[((c * out + o) * 4 + ki) * 4 + kj];
                                    }
                                }
                            }
                        }
                        expected[(o * 2 * h + a) * 2 * w + b] = (float) sum;
                    }
                }
            }
            float[] actual = y.toFloatArray();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-5f));
            }
        }
    }

    @Test
    void aConfigWithoutRasterFieldsReadsAsRasterOff() throws Exception {
        String json = """
                {"preset":"compact","obsDim":42,"deter":128,"hidden":128,"stoch":16,"classes":16,"actions":15}""";
        DreamerConfig c = Checkpoint.JSON.readValue(json, DreamerConfig.class);
        // written before rasters and the narration head: neither
        assertThat(c.withNarration()).isEqualTo(DreamerConfig.preset("compact"));
        assertThat(c.usesRaster()).isFalse();
        assertThat(c.narrates()).isFalse();
        DreamerConfig roundTrip =
                Checkpoint.JSON.readValue(Checkpoint.JSON.writeValueAsString(TINY_BEV), DreamerConfig.class);
        assertThat(roundTrip).isEqualTo(TINY_BEV);
    }

    @Test
    void theBundledVectorCheckpointStillLoads() {
        try (NDManager m = Djl.newManager()) {
            Checkpoint bundled = Checkpoint.open(m, null);
            assertThat(bundled.meta().config().usesRaster()).isFalse();
            assertThat(bundled.meta().config().preset()).isEqualTo("compact");
        }
    }

    @Test
    void rejectsARasterSizeThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> new DreamerConfig("x", 42, 8, 8, 2, 2, 15, 48, 3, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rasterSize");
        assertThatThrownBy(() -> new DreamerConfig("x", 42, 8, 8, 2, 2, 15, 0, 3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rasterChannels");
    }

    private static long size(Layout layout) {
        return layout.shapes().values().stream().mapToLong(Shape::size).sum();
    }
}

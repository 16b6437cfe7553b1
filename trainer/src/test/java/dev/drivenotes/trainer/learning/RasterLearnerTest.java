package dev.drivenotes.trainer.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.dreamer.model.Params;
import org.junit.jupiter.api.Test;

class RasterLearnerTest {

    static final DreamerConfig TINY_BEV = DreamerConfig.preset("tiny-bev");

    /**
     * {@link LearnerTest#toyBatch} with a bird's-eye raster per step: a fixed lane band, a fixed
     * route line, and in the vehicles plane the ego box plus a lead box whose distance follows the
     * speed, so the image carries information the world model can predict.
     */
    static SequenceBatch toyRasterBatch(int batch, int length, long seed) {
        SequenceBatch b = LearnerTest.toyBatch(batch, length, seed, TINY_BEV.rasterBytes());
        int n = batch * length;
        int size = TINY_BEV.rasterSize();
        int plane = size * size;
        byte[] rasters = b.rasters();
        for (int i = 0; i < n; i++) {
            int base = i * TINY_BEV.rasterBytes();
            float speed = b.obs()[i * ObservationVector.DIM];
            int leadRow = Math.max(0, 28 - Math.round(speed * 3));
            for (int r = 0; r < size; r++) {
                for (int col = 0; col < size; col++) {
                    boolean lane = col >= 20 && col < 44;
                    boolean route = r < 32 && col >= 31 && col <= 33;
                    boolean ego = r >= 30 && r < 36 && col >= 30 && col < 34;
                    boolean lead = r >= leadRow && r < leadRow + 6 && col >= 30 && col < 34;
                    int p = r * size + col;
                    rasters[base + p] = lane ? (byte) 255 : 0;
                    rasters[base + plane + p] = route ? (byte) 255 : 0;
                    rasters[base + 2 * plane + p] = ego || lead ? (byte) 255 : 0;
                }
            }
        }
        return b;
    }

    static Learner learner(NDManager manager, long seed) {
        DreamerNets nets = new DreamerNets(TINY_BEV, Params.initialise(manager, DreamerNets.layout(TINY_BEV), seed));
        return new Learner(nets, manager, LearnerTest.fastHyper());
    }

    @Test
    void shortTrainingRunLowersTheWorldModelAndRasterLosses() {
        Djl.seed(3);
        try (NDManager manager = Djl.newManager()) {
            Learner learner = learner(manager, 3);
            SequenceBatch batch = toyRasterBatch(4, 8, 5);
            int updates = 25;
            double[] model = new double[updates];
            double[] raster = new double[updates];
            for (int u = 0; u < updates; u++) {
                TrainStats s = learner.update(batch);
                assertThat(s.rasterLoss()).isFinite().isPositive();
                assertThat(s.modelLoss()).isFinite().isGreaterThan(s.rasterLoss());
                assertThat(s.actorLoss()).isFinite();
                model[u] = s.modelLoss();
                raster[u] = s.rasterLoss();
            }
            assertThat(learner.skipped()).isZero();
            assertThat(mean(raster, updates - 3, updates)).isLessThan(mean(raster, 0, 3) * 0.5);
            assertThat(mean(model, updates - 3, updates)).isLessThan(mean(model, 0, 3) * 0.5);
        }
    }

    @Test
    void aRasterModelRefusesABatchWithoutRasters() {
        try (NDManager manager = Djl.newManager()) {
            Learner learner = learner(manager, 1);
            SequenceBatch vectorsOnly = LearnerTest.toyBatch(2, 4, 1);
            assertThatThrownBy(() -> learner.update(vectorsOnly))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("raster bytes per step");
        }
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}

package dev.drivenotes.dreamer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.dreamer.testing.SharedManager;
import dev.drivenotes.dreamer.testing.TestCheckpoints;
import dev.drivenotes.model.sim.BirdEyeRaster;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RasterAgentTest {

    static final DreamerConfig CONFIG = DreamerConfig.preset("tiny-bev");

    @RegisterExtension
    static final SharedManager DJL = new SharedManager();

    static Params params;
    static DreamerAgent agent;

    @BeforeAll
    static void setUp() {
        params = Params.initialise(DJL.get(), DreamerNets.layout(CONFIG), 5);
        agent = new DreamerAgent(new DreamerNets(CONFIG, params), DJL.get(), 1);
    }

    static byte[] raster(long seed) {
        byte[] data = new byte[CONFIG.rasterBytes()];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextInt(4) == 0 ? (byte) 255 : 0;
        }
        return data;
    }

    @Test
    void checkpointRoundTripKeepsTheConfigAndTheDecisions(@TempDir Path dir) {
        CheckpointMeta meta = TestCheckpoints.meta("tiny-bev", 0);
        Checkpoint.save(dir, meta, params);
        Checkpoint loaded = Checkpoint.open(DJL.get(), dir.toString());
        assertThat(loaded.meta()).isEqualTo(meta);
        assertThat(loaded.meta().config().rasterSize()).isEqualTo(64);
        assertThat(loaded.meta().observation()).contains("64x64x3");
        DreamerAgent reloaded = new DreamerAgent(loaded.nets(), DJL.get(), 1);
        List<float[]> obs = List.of(DreamerAgentTest.obs(1), DreamerAgentTest.obs(2));
        List<byte[]> rasters = List.of(raster(1), raster(2));
        List<Carry> fresh = Arrays.asList(null, null);
        List<DreamerAgent.Step> before = agent.act(obs, rasters, fresh);
        assertThat(reloaded.act(obs, rasters, fresh)).isEqualTo(before);
        List<Carry> carried = before.stream().map(DreamerAgent.Step::carry).toList();
        assertThat(reloaded.act(obs, rasters, carried)).isEqualTo(agent.act(obs, rasters, carried));
    }

    @Test
    void aVectorCheckpointDoesNotLoadAsARasterModel(@TempDir Path dir) {
        DreamerConfig vector = DreamerConfig.preset("tiny");
        Checkpoint.save(
                dir, TestCheckpoints.meta("tiny-bev", 0), Params.initialise(DJL.get(), DreamerNets.layout(vector), 1));
        assertThatThrownBy(() -> Checkpoint.open(DJL.get(), dir.toString()))
                .hasMessageContaining("cannot read checkpoint")
                .rootCause()
                .hasMessageContaining("obs_out.0.w")
                .hasMessageContaining("(576, 32)");
    }

    @Test
    void refusesObservationsWithoutARaster() {
        List<float[]> obs = List.of(DreamerAgentTest.obs(1));
        assertThatThrownBy(() -> agent.act(obs, Arrays.asList((Carry) null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a bird's-eye raster");
        assertThatThrownBy(() -> agent.act(obs, Arrays.asList((byte[]) null), Arrays.asList((Carry) null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raster 0 must hold 12288 bytes");
        assertThatThrownBy(() -> ObservationRaster.of(null, CONFIG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("birdEyeSizePx 64");
        BirdEyeRaster big =
                new BirdEyeRaster(128, 0.25, List.of("lanes", "route", "vehicles"), new byte[3 * 128 * 128]);
        assertThatThrownBy(() -> ObservationRaster.of(big, CONFIG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("128 px");
    }

    @Test
    void aVectorModelIgnoresRasters() {
        DreamerConfig vector = DreamerConfig.preset("tiny");
        DreamerAgent plain = new DreamerAgent(
                new DreamerNets(vector, Params.initialise(DJL.get(), DreamerNets.layout(vector), 2)), DJL.get(), 1);
        List<float[]> obs = List.of(DreamerAgentTest.obs(3));
        List<Carry> fresh = Arrays.asList((Carry) null);
        assertThat(plain.act(obs, Arrays.asList((byte[]) null), fresh)).isEqualTo(plain.act(obs, fresh));
    }
}

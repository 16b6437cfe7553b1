package dev.drivenotes.dreamer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.dreamer.testing.SharedManager;
import dev.drivenotes.dreamer.testing.TestCheckpoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DreamerAgentTest {

    @RegisterExtension
    static final SharedManager DJL = new SharedManager();

    static DreamerAgent agent;
    static DreamerConfig config = DreamerConfig.preset("tiny");

    @BeforeAll
    static void setUp() {
        Params params = Params.initialise(DJL.get(), DreamerNets.layout(config), 7);
        agent = new DreamerAgent(new DreamerNets(config, params), DJL.get(), 2);
    }

    static float[] obs(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] o = new float[ObservationVector.DIM];
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) r.nextDouble(-10, 10);
        }
        return o;
    }

    @Test
    void sameInputsAndCarryGiveSameOutputs() {
        DreamerAgent.Step first =
                agent.act(List.of(obs(1)), Arrays.asList((Carry) null)).getFirst();
        Carry carried = Carry.decode(first.carry().encode(), config);
        assertThat(carried).isEqualTo(first.carry());
        DreamerAgent.Step a = agent.act(List.of(obs(2)), List.of(carried)).getFirst();
        DreamerAgent.Step b = agent.act(List.of(obs(2)), List.of(carried)).getFirst();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void resetChangesTheOutputs() {
        DreamerAgent.Step first =
                agent.act(List.of(obs(1)), Arrays.asList((Carry) null)).getFirst();
        DreamerAgent.Step carried =
                agent.act(List.of(obs(2)), List.of(first.carry())).getFirst();
        DreamerAgent.Step reset =
                agent.act(List.of(obs(2)), Arrays.asList((Carry) null)).getFirst();
        assertThat(reset.carry().deter()).isNotEqualTo(carried.carry().deter());
    }

    @Test
    void batchingEqualsOneByOne() {
        List<float[]> observations = new ArrayList<>();
        List<Carry> carries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            observations.add(obs(10 + i));
            carries.add(
                    i % 2 == 0
                            ? null
                            : agent.act(List.of(obs(i)), Arrays.asList((Carry) null))
                                    .getFirst()
                                    .carry());
        }
        List<DreamerAgent.Step> batched = agent.act(observations, carries);
        for (int i = 0; i < 5; i++) {
            DreamerAgent.Step single = agent.act(List.of(observations.get(i)), Arrays.asList(carries.get(i)))
                    .getFirst();
            assertThat(batched.get(i).action()).isEqualTo(single.action());
            assertThat(batched.get(i).probability())
                    .isCloseTo(single.probability(), org.assertj.core.api.Assertions.within(1e-5));
            assertThat(batched.get(i).carry().stochIndex())
                    .isEqualTo(single.carry().stochIndex());
            float[] d1 = batched.get(i).carry().deter();
            float[] d2 = single.carry().deter();
            for (int k = 0; k < d1.length; k++) {
                assertThat(d1[k]).isCloseTo(d2[k], org.assertj.core.api.Assertions.within(1e-5f));
            }
        }
    }

    @Test
    void rejectsCarryOfAnotherModel() {
        Carry other = new Carry(new float[3], new byte[2], -1);
        assertThatThrownBy(() -> Carry.decode(other.encode(), config)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Carry.decode("not base64!", config)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpointRoundTripKeepsTheDecisions(@TempDir Path dir) {
        CheckpointMeta meta = TestCheckpoints.meta("tiny", 0);
        TestCheckpoints.write(DJL.get(), dir, meta, 7);
        Checkpoint loaded = Checkpoint.open(DJL.get(), dir.toString());
        assertThat(loaded.meta()).isEqualTo(meta);
        DreamerAgent reloaded = new DreamerAgent(loaded.nets(), DJL.get(), 1);
        List<Carry> fresh = Arrays.asList((Carry) null);
        assertThat(reloaded.act(List.of(obs(3)), fresh)).isEqualTo(agent.act(List.of(obs(3)), fresh));
    }
}

package dev.drivenotes.dreamer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-Java acting path against the DJL networks it replaces. */
class FusedActorTest {

    static final double TOLERANCE = 1e-4;
    static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = Djl.newManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    /**
     * Random parameters where every value matters: initialised weights, plus noise on biases, norm
     * gains and offsets (which start at 0 / 1) and on any zero-initialised weight.
     */
    static DreamerAgent agent(String preset, long seed) {
        return new DreamerAgent(nets(preset, seed), manager, 2);
    }

    static DreamerNets nets(String preset, long seed) {
        DreamerConfig config = DreamerConfig.preset(preset);
        Params params = Params.initialise(manager, DreamerNets.layout(config), seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        params.all().forEach((name, array) -> {
            boolean bias = name.endsWith(".b") || name.endsWith(".g") || name.endsWith(".o");
            boolean zero = name.endsWith(".w") && Arrays.equals(array.toFloatArray(), new float[(int) array.size()]);
            if (bias || zero) {
                float[] noise = new float[Math.toIntExact(array.size())];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (float) random.nextDouble(-0.3, 0.3);
                }
                try (NDArray delta = manager.create(noise, array.getShape())) {
                    array.addi(delta);
                }
            }
        });
        return new DreamerNets(config, params);
    }

    static float[] observation(SplittableRandom random) {
        float[] o = new float[ObservationVector.DIM];
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) random.nextDouble(-20, 20);
        }
        return o;
    }

    /** A random carry (a third of them none, some without a previous action). */
    static Carry carry(SplittableRandom random, DreamerConfig c) {
        if (random.nextInt(3) == 0) {
            return null;
        }
        float[] deter = new float[c.deter()];
        for (int i = 0; i < deter.length; i++) {
            deter[i] = (float) random.nextDouble(-1, 1);
        }
        byte[] index = new byte[c.stoch()];
        for (int i = 0; i < index.length; i++) {
            index[i] = (byte) random.nextInt(c.classes());
        }
        return new Carry(deter, index, random.nextInt(-1, c.actions()));
    }

    static void assertSameStep(DreamerAgent.Step fused, DreamerAgent.Step djl) {
        assertThat(fused.action()).isEqualTo(djl.action());
        assertThat(fused.probability()).isCloseTo(djl.probability(), within(TOLERANCE));
        assertThat(fused.carry().stochIndex()).isEqualTo(djl.carry().stochIndex());
        assertThat(fused.carry().prevAction()).isEqualTo(djl.carry().prevAction());
        float[] a = fused.carry().deter();
        float[] b = djl.carry().deter();
        assertThat(a).hasSameSizeAs(b);
        for (int k = 0; k < a.length; k++) {
            assertThat(a[k]).as("deter[%d]", k).isCloseTo(b[k], within((float) TOLERANCE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "compact"})
    void oneStepMatchesDjl(String preset) {
        DreamerNets nets = nets(preset, 21);
        DreamerAgent agent = new DreamerAgent(nets, manager, 2);
        DreamerAgent reference = DreamerAgent.onDjl(nets, manager, 1);
        assertThat(reference.fused()).isFalse();
        assertThat(agent.fused()).isTrue();
        SplittableRandom random = new SplittableRandom(5);
        List<float[]> observations = new ArrayList<>();
        List<Carry> carries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            observations.add(observation(random));
            carries.add(carry(random, agent.config()));
        }
        List<DreamerAgent.Step> fused = agent.act(observations, carries);
        List<DreamerAgent.Step> djl = reference.act(observations, carries);
        for (int i = 0; i < observations.size(); i++) {
            assertSameStep(fused.get(i), djl.get(i));
        }
        // non-trivial: the instances do not all decide alike
        assertThat(fused.stream().map(DreamerAgent.Step::action).distinct().count())
                .isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "compact"})
    void fiftyStepsThroughTheCarryMatchDjl(String preset) {
        DreamerNets nets = nets(preset, 33);
        DreamerAgent agent = new DreamerAgent(nets, manager, 2);
        DreamerAgent reference = DreamerAgent.onDjl(nets, manager, 1);
        SplittableRandom random = new SplittableRandom(9);
        List<Carry> fusedCarries = Arrays.asList(null, null, null);
        List<Carry> djlCarries = Arrays.asList(null, null, null);
        for (int t = 0; t < 50; t++) {
            List<float[]> observations = List.of(observation(random), observation(random), observation(random));
            List<DreamerAgent.Step> fused = agent.act(observations, fusedCarries);
            List<DreamerAgent.Step> djl = reference.act(observations, djlCarries);
            for (int i = 0; i < observations.size(); i++) {
                assertSameStep(fused.get(i), djl.get(i));
                fusedCarries.set(i, fused.get(i).carry());
                djlCarries.set(i, djl.get(i).carry());
            }
        }
    }

    @Test
    void theShippedCheckpointMatchesDjl() {
        Checkpoint checkpoint = Checkpoint.open(manager, null);
        DreamerAgent agent = new DreamerAgent(checkpoint.nets(), manager, 1);
        DreamerAgent reference = DreamerAgent.onDjl(checkpoint.nets(), manager, 1);
        SplittableRandom random = new SplittableRandom(17);
        Carry fusedCarry = null;
        Carry djlCarry = null;
        for (int t = 0; t < 50; t++) {
            List<float[]> observation = List.of(observation(random));
            DreamerAgent.Step fused =
                    agent.act(observation, Arrays.asList(fusedCarry)).getFirst();
            DreamerAgent.Step djl =
                    reference.act(observation, Arrays.asList(djlCarry)).getFirst();
            assertSameStep(fused, djl);
            fusedCarry = fused.carry();
            djlCarry = djl.carry();
        }
    }

    @Test
    void aBatchLargerThanAChunkEqualsOneByOne() {
        DreamerAgent agent = agent("compact", 45);
        SplittableRandom random = new SplittableRandom(3);
        List<float[]> observations = new ArrayList<>();
        List<Carry> carries = new ArrayList<>();
        for (int i = 0; i < 2 * FusedActor.CHUNK + 5; i++) {
            observations.add(observation(random));
            carries.add(carry(random, agent.config()));
        }
        List<DreamerAgent.Step> batched = agent.act(observations, carries);
        assertThat(batched).hasSize(observations.size());
        for (int i = 0; i < observations.size(); i++) {
            DreamerAgent.Step alone = agent.act(List.of(observations.get(i)), Arrays.asList(carries.get(i)))
                    .getFirst();
            assertThat(batched.get(i)).isEqualTo(alone);
        }
    }

    @Test
    void concurrentCallsAnswerLikeSequentialOnes() throws Exception {
        DreamerAgent agent = agent("compact", 71);
        SplittableRandom random = new SplittableRandom(8);
        List<List<float[]>> observations = new ArrayList<>();
        List<List<Carry>> carries = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            List<float[]> o = new ArrayList<>();
            List<Carry> c = new ArrayList<>();
            for (int i = 0; i <= t % 5; i++) {
                o.add(observation(random));
                c.add(carry(random, agent.config()));
            }
            observations.add(o);
            carries.add(c);
        }
        List<List<DreamerAgent.Step>> sequential = new ArrayList<>();
        for (int t = 0; t < observations.size(); t++) {
            sequential.add(agent.act(observations.get(t), carries.get(t)));
        }
        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<List<DreamerAgent.Step>>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int t = 0; t < observations.size(); t++) {
                    int k = t;
                    futures.add(executor.submit(() -> agent.act(observations.get(k), carries.get(k))));
                }
            }
            for (int f = 0; f < futures.size(); f++) {
                assertThat(futures.get(f).get()).isEqualTo(sequential.get(f % observations.size()));
            }
        }
    }

    @Test
    void parametersTakingGradientsAreServedByDjl() {
        DreamerNets nets = nets("tiny", 51);
        DreamerAgent agent = new DreamerAgent(nets, manager, 1);
        assertThat(agent.fused()).isTrue();
        // what a trainer's learner does to the parameters it updates in place
        nets.params().all().values().forEach(p -> p.setRequiresGradient(true));
        assertThat(agent.fused()).isFalse();
        SplittableRandom random = new SplittableRandom(4);
        List<float[]> observations = List.of(observation(random), observation(random));
        List<Carry> carries = Arrays.asList(carry(random, agent.config()), null);
        assertThat(agent.act(observations, carries))
                .isEqualTo(DreamerAgent.onDjl(nets, manager, 1).act(observations, carries));
    }

    @Test
    void rejectsInputsThatDoNotFitTheModel() {
        DreamerAgent agent = agent("tiny", 61);
        DreamerConfig c = agent.config();
        List<float[]> one = List.of(new float[c.obsDim()]);
        assertThatThrownBy(() -> agent.act(List.of(new float[c.obsDim() - 1]), Arrays.asList((Carry) null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("observations[0]");
        assertThatThrownBy(() -> agent.act(one, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("carries");
        assertThatThrownBy(() -> agent.act(one, List.of(new Carry(new float[c.deter() + 1], new byte[c.stoch()], 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("carries[0]");
        byte[] badIndex = new byte[c.stoch()];
        badIndex[1] = (byte) c.classes();
        assertThatThrownBy(() -> agent.act(one, List.of(new Carry(new float[c.deter()], badIndex, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latent class");
        assertThatThrownBy(() ->
                        agent.act(one, List.of(new Carry(new float[c.deter()], new byte[c.stoch()], c.actions()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("previous action");
    }
}

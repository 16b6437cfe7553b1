package dev.drivenotes.dreamer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import dev.drivenotes.dreamer.testing.SharedManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-Java acting path against the DJL networks it replaces. */
class FusedActorTest {

    static final double TOLERANCE = 1e-4;

    @RegisterExtension
    static final SharedManager DJL = new SharedManager();

    /** The same parameters served by the fused forward and by DJL. */
    record Twins(DreamerAgent fused, DreamerAgent djl) {
        static Twins of(DreamerNets nets) {
            Twins twins = new Twins(new DreamerAgent(nets, DJL.get(), 2), DreamerAgent.onDjl(nets, DJL.get(), 1));
            assertThat(twins.fused().fused()).isTrue();
            assertThat(twins.djl().fused()).isFalse();
            return twins;
        }

        /** Both step {@code instances} sessions {@code steps} times, each through its own carries. */
        void stepAlike(int instances, int steps, SplittableRandom random) {
            List<Carry> fusedCarries = Arrays.asList(new Carry[instances]);
            List<Carry> djlCarries = Arrays.asList(new Carry[instances]);
            for (int t = 0; t < steps; t++) {
                List<float[]> observations = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    observations.add(observation(random));
                }
                List<DreamerAgent.Step> a = fused.act(observations, fusedCarries);
                List<DreamerAgent.Step> b = djl.act(observations, djlCarries);
                for (int i = 0; i < instances; i++) {
                    assertSameStep(a.get(i), b.get(i));
                    fusedCarries.set(i, a.get(i).carry());
                    djlCarries.set(i, b.get(i).carry());
                }
            }
        }
    }

    /** Random observations and carries of one batch. */
    record Batch(List<float[]> observations, List<Carry> carries) {
        static Batch random(int size, DreamerConfig config, SplittableRandom random) {
            List<float[]> observations = new ArrayList<>();
            List<Carry> carries = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                observations.add(observation(random));
                carries.add(carry(random, config));
            }
            return new Batch(observations, carries);
        }

        List<DreamerAgent.Step> actOn(DreamerAgent agent) {
            return agent.act(observations, carries);
        }
    }

    /**
     * Random parameters where every value matters: initialised weights, plus noise on biases, norm
     * gains and offsets (which start at 0 / 1) and on any zero-initialised weight.
     */
    static DreamerAgent agent(String preset, long seed) {
        return new DreamerAgent(nets(preset, seed), DJL.get(), 2);
    }

    static DreamerNets nets(String preset, long seed) {
        DreamerConfig config = DreamerConfig.preset(preset);
        Params params = Params.initialise(DJL.get(), DreamerNets.layout(config), seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        params.all().forEach((name, array) -> {
            boolean bias = name.endsWith(".b") || name.endsWith(".g") || name.endsWith(".o");
            boolean zero = name.endsWith(".w") && Arrays.equals(array.toFloatArray(), new float[(int) array.size()]);
            if (bias || zero) {
                float[] noise = new float[Math.toIntExact(array.size())];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (float) random.nextDouble(-0.3, 0.3);
                }
                try (NDArray delta = DJL.get().create(noise, array.getShape())) {
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
        // the narration head, where the model has one (every preset; not the shipped checkpoint before it)
        assertThat(fused.narrationLogits() == null).isEqualTo(djl.narrationLogits() == null);
        if (fused.narrationLogits() != null) {
            assertThat(fused.narrationLogits()).hasSize(Narration.CLASSES.size());
            for (int k = 0; k < Narration.CLASSES.size(); k++) {
                assertThat(fused.narrationLogits()[k])
                        .as("narration logit %d", k)
                        .isCloseTo(djl.narrationLogits()[k], within((float) TOLERANCE));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "compact"})
    void oneStepMatchesDjl(String preset) {
        Twins twins = Twins.of(nets(preset, 21));
        Batch batch = Batch.random(40, twins.fused().config(), new SplittableRandom(5));
        List<DreamerAgent.Step> fused = batch.actOn(twins.fused());
        List<DreamerAgent.Step> djl = batch.actOn(twins.djl());
        for (int i = 0; i < fused.size(); i++) {
            assertSameStep(fused.get(i), djl.get(i));
        }
        // non-trivial: the instances do not all decide alike, nor narrate alike
        assertThat(fused.stream().map(DreamerAgent.Step::action).distinct().count())
                .isGreaterThan(1);
        assertThat(fused.stream().map(s -> s.narrationLogits()[0]).distinct().count())
                .isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "compact"})
    void fiftyStepsThroughTheCarryMatchDjl(String preset) {
        Twins.of(nets(preset, 33)).stepAlike(3, 50, new SplittableRandom(9));
    }

    @Test
    void theShippedCheckpointMatchesDjl() {
        Twins.of(Checkpoint.open(DJL.get(), null).nets()).stepAlike(1, 50, new SplittableRandom(17));
    }

    @Test
    void aBatchLargerThanAChunkEqualsOneByOne() {
        DreamerAgent agent = agent("compact", 45);
        Batch batch = Batch.random(2 * FusedActor.CHUNK + 5, agent.config(), new SplittableRandom(3));
        List<DreamerAgent.Step> batched = batch.actOn(agent);
        assertThat(batched).hasSize(batch.observations().size());
        for (int i = 0; i < batched.size(); i++) {
            Batch one = new Batch(
                    List.of(batch.observations().get(i)),
                    Arrays.asList(batch.carries().get(i)));
            assertThat(batched.get(i)).isEqualTo(one.actOn(agent).getFirst());
        }
    }

    @Test
    void concurrentCallsAnswerLikeSequentialOnes() throws Exception {
        DreamerAgent agent = agent("compact", 71);
        SplittableRandom random = new SplittableRandom(8);
        List<Batch> batches = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            batches.add(Batch.random(t % 5 + 1, agent.config(), random));
        }
        List<List<DreamerAgent.Step>> sequential =
                batches.stream().map(b -> b.actOn(agent)).toList();
        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<List<DreamerAgent.Step>>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (Batch batch : batches) {
                    futures.add(executor.submit(() -> batch.actOn(agent)));
                }
            }
            for (int f = 0; f < futures.size(); f++) {
                assertThat(futures.get(f).get()).isEqualTo(sequential.get(f % batches.size()));
            }
        }
    }

    @Test
    void parametersTakingGradientsAreServedByDjl() {
        DreamerNets nets = nets("tiny", 51);
        DreamerAgent agent = new DreamerAgent(nets, DJL.get(), 1);
        assertThat(agent.fused()).isTrue();
        // what a trainer's learner does to the parameters it updates in place
        nets.params().all().values().forEach(p -> p.setRequiresGradient(true));
        assertThat(agent.fused()).isFalse();
        Batch batch = Batch.random(3, agent.config(), new SplittableRandom(4));
        assertThat(batch.actOn(agent)).isEqualTo(batch.actOn(DreamerAgent.onDjl(nets, DJL.get(), 1)));
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

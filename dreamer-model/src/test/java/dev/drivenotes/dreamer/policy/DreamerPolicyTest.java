package dev.drivenotes.dreamer.policy;

import static dev.drivenotes.dreamer.testing.TestObservations.arc;
import static dev.drivenotes.dreamer.testing.TestObservations.cruising;
import static dev.drivenotes.dreamer.testing.TestObservations.straight;
import static dev.drivenotes.dreamer.testing.TestObservations.withBirdEye;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.Params;
import dev.drivenotes.dreamer.testing.SharedManager;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Observation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DreamerPolicyTest {

    @RegisterExtension
    static final SharedManager DJL = new SharedManager();

    static DreamerAgent agent;

    static final Observation FIRST = cruising(3, straight(20), 200);
    static final Observation SECOND = cruising(5, arc(15, true, 20), 150);

    @BeforeAll
    static void setUp() {
        DreamerConfig config = DreamerConfig.preset("tiny");
        agent = new DreamerAgent(
                new DreamerNets(config, Params.initialise(DJL.get(), DreamerNets.layout(config), 11)), DJL.get(), 2);
    }

    private static DreamerPolicy policy() {
        return new DreamerPolicy(agent, SessionLimits.of(16), 1);
    }

    @Test
    void theSameCarryGivesTheSameDecision() {
        DreamerPolicy policy = policy();
        Decision first = policy.decide(List.of(new PredictInstance("s", FIRST, true, null)))
                .getFirst();
        assertThat(first.carry()).isNotBlank();
        Decision a = policy.decide(List.of(new PredictInstance("x", SECOND, false, first.carry())))
                .getFirst();
        Decision b = policy.decide(List.of(new PredictInstance("y", SECOND, false, first.carry())))
                .getFirst();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void aSessionWithoutCarryContinuesFromTheServerCacheAndIsFirstResetsIt() {
        DreamerPolicy policy = policy();
        Decision first = policy.decide(List.of(new PredictInstance("s", FIRST, true, null)))
                .getFirst();
        Decision cached = policy.decide(List.of(new PredictInstance("s", SECOND, false, null)))
                .getFirst();
        Decision carried = policy().decide(List.of(new PredictInstance("t", SECOND, false, first.carry())))
                .getFirst();
        Decision reset = policy.decide(List.of(new PredictInstance("s", SECOND, true, null)))
                .getFirst();
        assertThat(cached).isEqualTo(carried);
        assertThat(reset.carry()).isNotEqualTo(carried.carry());
    }

    @Test
    void aBatchDecidesLikeOneByOne() {
        DreamerPolicy policy = policy();
        String carry = policy.decide(List.of(new PredictInstance("s", FIRST, true, null)))
                .getFirst()
                .carry();
        List<PredictInstance> batch = List.of(
                new PredictInstance("a", FIRST, true, null),
                new PredictInstance("b", SECOND, false, carry),
                new PredictInstance("c", SECOND, true, null));
        List<Decision> together = policy.decide(batch);
        for (int i = 0; i < batch.size(); i++) {
            Decision alone = policy.decide(List.of(batch.get(i))).getFirst();
            assertThat(together.get(i).control()).isEqualTo(alone.control());
            assertThat(together.get(i).maneuver()).isEqualTo(alone.maneuver());
            assertThat(together.get(i).confidence())
                    .isCloseTo(alone.confidence(), org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void aRasterCheckpointRefusesAnObservationWithoutRasterNamingTheInstance() {
        DreamerConfig config = DreamerConfig.preset("tiny-bev");
        DreamerAgent rasterAgent = new DreamerAgent(
                new DreamerNets(config, Params.initialise(DJL.get(), DreamerNets.layout(config), 3)), DJL.get(), 1);
        DreamerPolicy policy = new DreamerPolicy(rasterAgent, SessionLimits.of(16), 1);
        Observation withRaster = withBirdEye(FIRST, 64);
        Decision decided = policy.decide(List.of(new PredictInstance("a", withRaster, true, null)))
                .getFirst();
        assertThat(decided.carry()).isNotBlank();
        assertThatThrownBy(() -> policy.decide(List.of(
                        new PredictInstance("a", withRaster, true, null),
                        new PredictInstance("b", SECOND, true, null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instances[1].observation.birdEye")
                .hasMessageContaining("birdEyeSizePx 64");
        assertThatThrownBy(() -> policy.decide(List.of(new PredictInstance("c", withBirdEye(SECOND, 128), true, null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instances[0].observation.birdEye");
    }

    @Test
    void rejectsACarryOfAnotherModelNamingTheInstance() {
        DreamerPolicy policy = policy();
        assertThatThrownBy(() -> policy.decide(List.of(
                        new PredictInstance("a", FIRST, true, null), new PredictInstance("b", SECOND, false, "AAAA"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instances[1].carry");
    }
}

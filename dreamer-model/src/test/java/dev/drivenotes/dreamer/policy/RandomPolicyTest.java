package dev.drivenotes.dreamer.policy;

import static dev.drivenotes.dreamer.testing.TestObservations.cruising;
import static dev.drivenotes.dreamer.testing.TestObservations.nearManeuver;
import static dev.drivenotes.dreamer.testing.TestObservations.straight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.testing.ObservationBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RandomPolicyTest {

    private static final Observation OBSERVATION = cruising(5, straight(10), 100);

    private static PredictInstance step(String sessionId, boolean first) {
        return new PredictInstance(sessionId, OBSERVATION, first, null);
    }

    @Test
    void repeatsASessionsDecisionsWhateverSharesItsBatches() {
        RandomPolicy alone = new RandomPolicy(7, SessionLimits.of(100));
        RandomPolicy shared = new RandomPolicy(7, SessionLimits.of(100));
        List<Decision> fromAlone = new ArrayList<>();
        List<Decision> fromShared = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fromAlone.addAll(alone.decide(List.of(step("episode-1", i == 0))));
            fromShared.add(
                    shared.decide(List.of(step("episode-2", i == 0), step("episode-1", i == 0), step("x", i == 0)))
                            .get(1));
        }

        assertThat(fromShared).isEqualTo(fromAlone);
    }

    @Test
    void restartsASessionsSequenceOnItsFirstStep() {
        RandomPolicy policy = new RandomPolicy(7, SessionLimits.of(100));
        Decision first = policy.decide(List.of(step("e", true))).getFirst();
        Decision second = policy.decide(List.of(step("e", false))).getFirst();
        Decision restarted = policy.decide(List.of(step("e", true))).getFirst();

        assertThat(second).isNotEqualTo(first);
        assertThat(restarted).isEqualTo(first);
    }

    @Test
    void drawsTheSameSequenceForTheSameEpisodeInAnotherExperiment() {
        RandomPolicy policy = new RandomPolicy(7, SessionLimits.of(10));
        List<Decision> inOne = new ArrayList<>();
        List<Decision> inAnother = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inOne.add(policy.decide(List.of(step("exp-1-e0", i == 0))).getFirst());
        }
        for (int i = 0; i < 10; i++) {
            inAnother.add(policy.decide(List.of(step("exp-2-e0", i == 0))).getFirst());
        }

        assertThat(inAnother).isEqualTo(inOne);
    }

    @Test
    void drawsDifferentSequencesForDifferentStartsAndSeeds() {
        Observation elsewhere = cruising(5, straight(12), 100);
        Decision a = new RandomPolicy(7, SessionLimits.of(10))
                .decide(List.of(step("a", true)))
                .getFirst();
        Decision b = new RandomPolicy(7, SessionLimits.of(10))
                .decide(List.of(new PredictInstance("b", elsewhere, true, null)))
                .getFirst();
        Decision otherSeed = new RandomPolicy(8, SessionLimits.of(10))
                .decide(List.of(step("a", true)))
                .getFirst();

        assertThat(b).isNotEqualTo(a);
        assertThat(otherSeed).isNotEqualTo(a);
    }

    @Test
    void seedsFromEveryFieldOfWhereItStarts() {
        RandomPolicy policy = new RandomPolicy(7, SessionLimits.of(10));
        Observation o = OBSERVATION;
        List<Observation> variants = List.of(
                withGnss(o, o.gnssX() + 0.001, o.gnssY()),
                withGnss(o, o.gnssX(), o.gnssY() + 0.001),
                cruising(5.001, straight(10), 100),
                cruising(5, straight(10), 101));
        Set<Long> seeds = new java.util.HashSet<>();
        seeds.add(policy.sessionSeed(o));
        variants.forEach(v -> seeds.add(policy.sessionSeed(v)));

        assertThat(seeds).hasSize(variants.size() + 1);
    }

    private static Observation withGnss(Observation o, double x, double y) {
        return ObservationBuilder.from(o).gnss(x, y).build();
    }

    @Test
    void narratesFromItsPlanWithARandomConfidence() {
        RandomPolicy policy = new RandomPolicy(1, SessionLimits.of(10));
        Observation beforeLeftTurn = nearManeuver(Maneuver.TURN_LEFT, 6, 100, straight(10));
        Set<Maneuver> seen = EnumSet.noneOf(Maneuver.class);
        Set<Double> confidences = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            Decision far = policy.decide(List.of(step("s", i == 0))).getFirst();
            Decision near = policy.decide(List.of(new PredictInstance("t", beforeLeftTurn, i == 0, null)))
                    .getFirst();
            seen.add(far.maneuver());
            assertThat(near.maneuver()).isEqualTo(Maneuver.TURN_LEFT);
            confidences.add(near.confidence());
        }

        assertThat(seen).containsExactly(Maneuver.FOLLOW_LANE);
        assertThat(confidences).hasSizeGreaterThan(40);
    }

    @Property(tries = 200)
    void keepsControlsAndConfidenceInTheirBounds(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String session) {
        RandomPolicy policy = new RandomPolicy(3, SessionLimits.of(10));
        for (int i = 0; i < 5; i++) {
            Decision d = policy.decide(List.of(step(session, i == 0))).getFirst();
            assertThat(d.control().steer()).isBetween(-1.0, 1.0);
            assertThat(d.control().throttle()).isBetween(0.0, 1.0);
            assertThat(d.control().brake()).isBetween(0.0, 1.0);
            assertThat(d.confidence()).isBetween(0.0, 1.0);
            assertThat(d.targetPoi()).isEqualTo("Bakery");
        }
    }
}

package dev.drivenotes.dreamer.policy;

import static dev.drivenotes.dreamer.testing.TestObservations.nearManeuver;
import static dev.drivenotes.dreamer.testing.TestObservations.straight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.dreamer.model.Carry;
import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.Narration;
import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.dreamer.model.Params;
import dev.drivenotes.dreamer.testing.SharedManager;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who declares the dreamer's junction maneuvers: its narration head, or the plan rule without one. */
class NarrationHeadPolicyTest {

    @RegisterExtension
    static final SharedManager DJL = new SharedManager();

    /** Inside a junction whose planned maneuver is a left turn. */
    static final Observation INSIDE_LEFT_TURN = nearManeuver(Maneuver.TURN_LEFT, 0, 120, straight(20));
    /** 6 m before that junction: the rule declares the plan's maneuver there. */
    static final Observation APPROACHING_LEFT_TURN = nearManeuver(Maneuver.TURN_LEFT, 6, 126, straight(20));

    /** A tiny agent whose head says {@code logits} whatever it sees (zero weights, these biases). */
    static DreamerAgent agentSaying(float... logits) {
        DreamerConfig config = DreamerConfig.preset("tiny");
        Params params = Params.initialise(DJL.get(), DreamerNets.layout(config), 5);
        params.get("narration.out.w").set(new float[config.hidden() * Narration.CLASSES.size()]);
        params.get("narration.out.b").set(logits);
        return new DreamerAgent(new DreamerNets(config, params), DJL.get(), 1);
    }

    static Decision decide(DreamerPolicy policy, Observation o) {
        return policy.decide(List.of(new PredictInstance("s", o, true, null))).getFirst();
    }

    @Test
    void declaresTheHeadsArgMaxInsideAJunctionWithItsProbabilityAtTheTemperature() {
        DreamerPolicy policy = new DreamerPolicy(agentSaying(0, 8, 0), SessionLimits.of(4), 2);

        Decision d = decide(policy, INSIDE_LEFT_TURN);

        // the plan says turn_left; the head says turn_right (index 1) and is believed
        assertThat(d.maneuver()).isEqualTo(Maneuver.TURN_RIGHT);
        assertThat(d.confidence()).isCloseTo(Math.exp(4) / (Math.exp(4) + 2), within(1e-6));
        assertThat(policy.narrator()).isEqualTo(PlanNarration.HEAD);
    }

    @Test
    void outsideAJunctionTheRuleDeclaresAndTheActorsProbabilityIsTheConfidence() {
        DreamerAgent agent = agentSaying(0, 8, 0);
        DreamerPolicy policy = new DreamerPolicy(agent, SessionLimits.of(4), 2);

        Decision d = decide(policy, APPROACHING_LEFT_TURN);

        assertThat(d.maneuver()).isEqualTo(Maneuver.TURN_LEFT);
        List<Carry> fresh = Arrays.asList(new Carry[1]);
        double actor = agent.act(List.of(ObservationVector.of(APPROACHING_LEFT_TURN)), fresh)
                .getFirst()
                .probability();
        assertThat(d.confidence()).isCloseTo(actor, within(1e-9));
    }

    @Test
    void aCheckpointWithoutTheHeadDeclaresWithThePlanRuleAndSaysSo() {
        DreamerConfig withoutHead = new DreamerConfig("tiny", ObservationVector.DIM, 32, 32, 4, 4, 15);
        DreamerAgent agent = new DreamerAgent(
                new DreamerNets(withoutHead, Params.initialise(DJL.get(), DreamerNets.layout(withoutHead), 5)),
                DJL.get(),
                1);
        DreamerPolicy policy = new DreamerPolicy(agent, SessionLimits.of(4), 1);

        assertThat(decide(policy, INSIDE_LEFT_TURN).maneuver()).isEqualTo(Maneuver.TURN_LEFT);
        assertThat(policy.narrator()).isEqualTo(PlanNarration.RULE);
        assertThat(DreamerNets.layout(withoutHead).shapes().keySet()).noneMatch(n -> n.startsWith("narration"));
    }

    @Test
    void theAutopilotNarratorReplacesTheHeadsAccountWithThePlanRule() {
        DreamerPolicy policy = new DreamerPolicy(agentSaying(0, 8, 0), SessionLimits.of(4), 1);
        PredictInstance instance = new PredictInstance("s", INSIDE_LEFT_TURN, true, null);
        List<Decision> own = policy.decide(List.of(instance));

        Decision narrated = PlanNarration.apply(List.of(instance), own).getFirst();

        assertThat(narrated.maneuver()).isEqualTo(Maneuver.TURN_LEFT);
        assertThat(narrated.control()).isEqualTo(own.getFirst().control());
        assertThat(narrated.carry()).isEqualTo(own.getFirst().carry());
        Decision autopilot = new AutopilotPolicy(0.05, SessionLimits.of(4))
                .decide(List.of(instance))
                .getFirst();
        assertThat(narrated.confidence()).isEqualTo(autopilot.confidence());
    }
}

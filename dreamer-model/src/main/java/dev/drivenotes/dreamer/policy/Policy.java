package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import java.util.List;

/**
 * A driving policy behind the predict API (port; adapters: the rule-based {@link AutopilotPolicy},
 * the {@link RandomPolicy} baseline and the learned DreamerV3 agent, {@link DreamerPolicy}).
 * Implementations are thread-safe; per-session state lives in a {@link SessionCache} (bounded, with
 * a ttl) and is reset when an instance says {@code isFirst}. Each declares its maneuver,
 * confidence and target POI through {@link Declaration}.
 */
public interface Policy {

    /** The name clients select it by ({@code parameters.policy}); also the deployed model id. */
    String name();

    /**
     * Decides on a whole batch in one call.
     *
     * @param batch instances, possibly of many sessions
     * @return one decision per instance, in the batch's order
     */
    List<Decision> decide(List<PredictInstance> batch);

    /**
     * What declares this policy's maneuvers: {@link PlanNarration#RULE} (the rule from the planned
     * path: the autopilot, the random baseline, a learned agent without a narration head) or {@link
     * PlanNarration#HEAD} (a learned agent's narration head).
     */
    default String narrator() {
        return PlanNarration.RULE;
    }

    /**
     * The version of the model behind this policy, as predict responses name it ({@code
     * PredictResponse.modelVersion}): a rule-based policy has no checkpoint, so its name and {@code
     * rule} ({@code autopilot:rule}); a learned one names its checkpoint.
     */
    default String modelVersion() {
        return name() + ":" + PlanNarration.RULE;
    }
}

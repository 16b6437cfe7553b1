package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code autopilot} narrator ({@code parameters.narrator}): any policy's decisions keep their
 * controls, carries and target POIs, and take the maneuver and confidence the autopilot would declare on
 * the same observation ({@link Declaration#fromPlan}), so that narrators can be compared on the same
 * drive. Names what narrated a response ({@link #RULE}, {@link #HEAD}).
 */
public final class PlanNarration {

    /** Maneuvers declared by the rule from the planned path. */
    public static final String RULE = "rule";
    /** Maneuvers declared by the learned agent's narration head (inside junctions; the rule elsewhere). */
    public static final String HEAD = "head";

    private PlanNarration() {}

    /** The decisions with the autopilot's narration of each instance's observation. */
    public static List<Decision> apply(List<PredictInstance> batch, List<Decision> decisions) {
        if (batch.size() != decisions.size()) {
            throw new IllegalArgumentException(
                    "one decision per instance, got " + decisions.size() + " for " + batch.size());
        }
        List<Decision> out = new ArrayList<>(decisions.size());
        for (int i = 0; i < batch.size(); i++) {
            var o = batch.get(i).observation();
            Decision d = decisions.get(i);
            Decision plan = Declaration.fromPlan(o, d.control(), new EgoPath(o.routeWaypoints()), d.carry());
            out.add(new Decision(d.control(), plan.maneuver(), plan.confidence(), d.targetPoi(), d.carry()));
        }
        return out;
    }
}

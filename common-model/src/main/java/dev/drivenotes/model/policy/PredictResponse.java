package dev.drivenotes.model.policy;

import dev.drivenotes.model.Require;
import java.util.List;

/**
 * Vertex AI custom-container response body: {@code {"predictions": [...]}}, one per instance, in
 * order.
 *
 * @param predictions decisions, in the order of the request's instances
 * @param deployedModelId the policy that answered (e.g. {@code autopilot})
 * @param narrator what declared the decisions' maneuvers: {@code rule} (the rule from the planned
 *     path: the autopilot and random policies, a dreamer checkpoint without a narration head, or any
 *     policy under {@code parameters.narrator = autopilot}) or {@code head} (the dreamer's narration
 *     head, inside junctions)
 */
public record PredictResponse(List<Decision> predictions, String deployedModelId, String narrator) {
    public PredictResponse {
        predictions = List.copyOf(Require.noNullElements("predictions", predictions));
        Require.notBlank("deployedModelId", deployedModelId);
        Require.notBlank("narrator", narrator);
    }

    /** Decisions whose maneuvers the rule from the planned path declared. */
    public PredictResponse(List<Decision> predictions, String deployedModelId) {
        this(predictions, deployedModelId, "rule");
    }
}

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
 * @param modelVersion the version of the model that answered, at most {@value #MAX_MODEL_VERSION}
 *     characters: for the dreamer its loaded checkpoint ({@code dreamer:<envSteps>:<first 12 hex of
 *     the sha256 of params.ndlist>}, then {@code :t<narrationTemperature>} when one was fitted); for a
 *     rule-based policy its name and {@code rule} ({@code autopilot:rule}, {@code random:rule}).
 *     Absent (null) in answers of services from before it existed
 */
public record PredictResponse(
        List<Decision> predictions, String deployedModelId, String narrator, String modelVersion) {

    /** The longest model version a response may name. */
    public static final int MAX_MODEL_VERSION = 128;

    public PredictResponse {
        predictions = List.copyOf(Require.noNullElements("predictions", predictions));
        Require.notBlank("deployedModelId", deployedModelId);
        Require.notBlank("narrator", narrator);
        if (modelVersion != null) {
            Require.notBlank("modelVersion", modelVersion, MAX_MODEL_VERSION);
        }
    }

    /** Decisions of a rule-based policy ({@code <deployedModelId>:rule}) whose maneuvers the rule declared. */
    public PredictResponse(List<Decision> predictions, String deployedModelId) {
        this(predictions, deployedModelId, "rule", deployedModelId + ":rule");
    }
}

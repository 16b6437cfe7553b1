package dev.drivenotes.model.policy;

import dev.drivenotes.model.Require;
import java.util.List;

/**
 * Vertex AI custom-container response body: {@code {"predictions": [...]}}, one per instance, in
 * order.
 *
 * @param predictions decisions, in the order of the request's instances
 * @param deployedModelId the policy that answered (e.g. {@code autopilot})
 */
public record PredictResponse(List<Decision> predictions, String deployedModelId) {
    public PredictResponse {
        predictions = List.copyOf(Require.noNullElements("predictions", predictions));
        Require.notBlank("deployedModelId", deployedModelId);
    }
}

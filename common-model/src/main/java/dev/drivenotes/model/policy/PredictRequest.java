package dev.drivenotes.model.policy;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import java.util.List;

/**
 * Vertex AI custom-container request body: {@code {"instances": [...], "parameters": {...}}}.
 *
 * @param instances observations to decide on, answered in order
 * @param parameters optional; selects the policy
 */
public record PredictRequest(List<PredictInstance> instances, PredictParameters parameters) {
    public static final int MAX_INSTANCES = 1024;

    public PredictRequest {
        instances = List.copyOf(Require.noNullElements("instances", instances));
        if (instances.isEmpty()) {
            throw new InvalidInputException("instances", "must hold at least one instance");
        }
        if (instances.size() > MAX_INSTANCES) {
            throw new InvalidInputException("instances", "must hold at most " + MAX_INSTANCES + " instances");
        }
        parameters = parameters == null ? new PredictParameters(null) : parameters;
    }
}

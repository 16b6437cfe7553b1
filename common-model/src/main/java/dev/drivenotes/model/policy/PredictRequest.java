package dev.drivenotes.model.policy;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import java.util.List;

/**
 * Vertex AI custom-container request body: {@code {"instances": [...], "parameters": {...}}}.
 *
 * @param instances observations to decide on (1..{@link #MAX_INSTANCES}), answered in order
 * @param parameters optional; selects the policy
 */
public record PredictRequest(List<PredictInstance> instances, PredictParameters parameters) {
    /**
     * The largest batch: every episode one experiment drives at once ({@code
     * ExperimentConfig.MAX_PARALLEL_EPISODES}). dreamer-service's request size limit is sized for
     * this many instances with a 128 px bird's-eye raster each.
     */
    public static final int MAX_INSTANCES = 64;

    public PredictRequest {
        Require.notNull("instances", instances);
        if (instances.size() > MAX_INSTANCES) {
            throw new InvalidInputException("instances", "must hold at most " + MAX_INSTANCES + " instances");
        }
        instances = List.copyOf(Require.noNullElements("instances", instances));
        if (instances.isEmpty()) {
            throw new InvalidInputException("instances", "must hold at least one instance");
        }
        parameters = parameters == null ? new PredictParameters(null) : parameters;
    }
}

package dev.drivenotes.platform.remote;

import java.util.List;

/**
 * A predict call's answer as the runner uses it: one proposed decision per instance, in order, and
 * the model version that answered them.
 *
 * @param decisions the decisions, controls not yet checked
 * @param modelVersion the model that answered ({@link dev.drivenotes.model.policy.PredictResponse#modelVersion()});
 *     null when the service did not name one (a service from before responses named their model)
 */
public record Predictions(List<ProposedDecision> decisions, String modelVersion) {
    public Predictions {
        decisions = List.copyOf(decisions);
        if (modelVersion != null && modelVersion.isBlank()) {
            modelVersion = null;
        }
    }
}

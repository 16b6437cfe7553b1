package dev.drivenotes.platform.remote;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

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
        // as answered: a null element is the runner's to refuse (ControlSafety), as before
        decisions = Collections.unmodifiableList(Objects.requireNonNull(decisions, "decisions"));
        if (modelVersion != null && modelVersion.isBlank()) {
            modelVersion = null;
        }
    }
}

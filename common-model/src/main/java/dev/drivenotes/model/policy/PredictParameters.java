package dev.drivenotes.model.policy;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.ExperimentConfig;

/**
 * Vertex AI request {@code parameters}: which policy answers, and who narrates its decisions. Null
 * {@code policy} means the service's default policy.
 *
 * @param policy a policy name, at most {@link #MAX_POLICY_CHARS} characters, or null
 * @param narrator who declares the decisions' maneuver and confidence, one of {@link
 *     ExperimentConfig#NARRATORS}: {@code agent} (the policy's own account; the default, also for
 *     null) or {@code autopilot} (the autopilot's rule from the planned path, whatever policy drives)
 */
public record PredictParameters(String policy, String narrator) {

    public static final int MAX_POLICY_CHARS = 64;

    public PredictParameters {
        Require.maxLength("policy", policy, MAX_POLICY_CHARS);
        narrator = narrator == null ? ExperimentConfig.DEFAULT_NARRATOR : narrator;
        if (!ExperimentConfig.NARRATORS.contains(narrator)) {
            throw new InvalidInputException(
                    "narrator", "unknown narrator '" + narrator + "'; expected one of " + ExperimentConfig.NARRATORS);
        }
    }

    /** The given policy, narrated by itself. */
    public PredictParameters(String policy) {
        this(policy, null);
    }

    /** Whether the autopilot's rule replaces the policy's own narration. */
    public boolean narratedByAutopilot() {
        return narrator.equals("autopilot");
    }
}

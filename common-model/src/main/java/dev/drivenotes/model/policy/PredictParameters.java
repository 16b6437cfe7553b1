package dev.drivenotes.model.policy;

import dev.drivenotes.model.Require;

/**
 * Vertex AI request {@code parameters}: which policy answers. Null {@code policy} means the
 * service's default policy.
 *
 * @param policy a policy name, at most {@link #MAX_POLICY_CHARS} characters, or null
 */
public record PredictParameters(String policy) {

    public static final int MAX_POLICY_CHARS = 64;

    public PredictParameters {
        Require.maxLength("policy", policy, MAX_POLICY_CHARS);
    }
}

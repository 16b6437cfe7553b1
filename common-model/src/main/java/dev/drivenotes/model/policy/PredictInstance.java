package dev.drivenotes.model.policy;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.sim.Observation;

/**
 * One instance of a Vertex AI style predict request.
 *
 * @param sessionId the episode this observation belongs to (policies may keep per-session state), at
 *     most {@link #MAX_SESSION_ID_CHARS} characters
 * @param observation what the agent sees
 * @param isFirst true on the first step of an episode: any per-session state is reset
 * @param carry optional opaque policy state returned with the previous prediction (base64), so that
 *     stateless replicas can serve a session; null lets the server keep the state; at most {@link
 *     #MAX_CARRY_CHARS} characters
 */
public record PredictInstance(String sessionId, Observation observation, boolean isFirst, String carry) {

    public static final int MAX_SESSION_ID_CHARS = 128;

    /**
     * The longest carry accepted: 64 KiB of base64, 48 KiB of state (a {@code medium} DreamerV3
     * carry is 2.1 KiB; a deterministic state of 12 000 floats would still fit).
     */
    public static final int MAX_CARRY_CHARS = 64 * 1024;

    public PredictInstance {
        Require.notBlank("sessionId", sessionId, MAX_SESSION_ID_CHARS);
        Require.maxLength("carry", carry, MAX_CARRY_CHARS);
        Require.notNull("observation", observation);
    }
}

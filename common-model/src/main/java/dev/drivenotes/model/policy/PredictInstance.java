package dev.drivenotes.model.policy;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.sim.Observation;

/**
 * One instance of a Vertex AI style predict request.
 *
 * @param sessionId the episode this observation belongs to (policies may keep per-session state)
 * @param observation what the agent sees
 * @param isFirst true on the first step of an episode: any per-session state is reset
 */
public record PredictInstance(String sessionId, Observation observation, boolean isFirst) {
    public PredictInstance {
        Require.notBlank("sessionId", sessionId);
        Require.notNull("observation", observation);
    }
}

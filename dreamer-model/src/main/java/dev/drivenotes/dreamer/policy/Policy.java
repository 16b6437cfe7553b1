package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import java.util.List;

/**
 * A driving policy behind the predict API (port; adapters: autopilot, random, later a learned
 * world-model agent). Implementations are thread-safe and may keep per-session state, reset when
 * an instance says {@code isFirst}.
 */
public interface Policy {

    /** The name clients select it by ({@code parameters.policy}); also the deployed model id. */
    String name();

    /**
     * Decides on a whole batch in one call.
     *
     * @param batch instances, possibly of many sessions
     * @return one decision per instance, in the batch's order
     */
    List<Decision> decide(List<PredictInstance> batch);
}

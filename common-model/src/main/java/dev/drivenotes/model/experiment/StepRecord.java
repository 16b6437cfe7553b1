package dev.drivenotes.model.experiment;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Observation;

/**
 * One line of a trajectory: the state at step {@code step} and the decision taken on it. The last
 * record of an episode holds the terminal state and no decision.
 *
 * @param step step index, 0-based
 * @param simTimeS simulated time
 * @param observation what the agent saw
 * @param decision what it decided, null only on the terminal record
 * @param truth ground truth of the same state
 */
public record StepRecord(int step, double simTimeS, Observation observation, Decision decision, GroundTruth truth) {
    public StepRecord {
        Require.inRange("step", step, 0, Integer.MAX_VALUE);
        Require.nonNegative("simTimeS", simTimeS);
        Require.notNull("observation", observation);
        Require.notNull("truth", truth);
    }
}

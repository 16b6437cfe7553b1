package dev.drivenotes.trainer;

/**
 * Evaluation of one agent.
 *
 * @param agent the agent's name
 * @param episodes episodes driven
 * @param routeCompletion mean route completion at the end of an episode (0..1)
 * @param collisionRate share of episodes with a collision
 * @param offRoadRate share of episodes that ended off the road
 * @param meanSpeedMps mean speed over all steps
 * @param drivingScore mean of route completion × 0.6 per collision × 0.7 per red light run
 */
public record EvalResult(
        String agent,
        int episodes,
        double routeCompletion,
        double collisionRate,
        double offRoadRate,
        double meanSpeedMps,
        double drivingScore) {}

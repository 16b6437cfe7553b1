package dev.drivenotes.trainer;

import dev.drivenotes.model.experiment.DrivingScore;
import dev.drivenotes.model.experiment.Infractions;

/**
 * Evaluation of one agent.
 *
 * @param agent the agent's name
 * @param episodes episodes driven
 * @param routeCompletion mean route completion at the end of an episode (0..1)
 * @param collisionRate share of episodes with a collision
 * @param offRoadRate share of episodes that ended off the road
 * @param meanSpeedMps mean speed over all steps
 * @param drivingScore mean driving score ({@link DrivingScore}: route completion × the penalty of
 *     every infraction)
 * @param infractions infractions of all episodes together
 */
public record EvalResult(
        String agent,
        int episodes,
        double routeCompletion,
        double collisionRate,
        double offRoadRate,
        double meanSpeedMps,
        double drivingScore,
        Infractions infractions) {}

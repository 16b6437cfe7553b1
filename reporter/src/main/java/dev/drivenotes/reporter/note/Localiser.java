package dev.drivenotes.reporter.note;

import dev.drivenotes.model.experiment.ExperimentConfig;

/**
 * How an agent localises itself; its notes' places are where this puts it. The driving agents fuse
 * GNSS with their odometry ({@link #FILTER}); the random baseline keeps no state of its own, so it
 * believes its latest GNSS fix ({@link #GNSS}). So location accuracy measures an agent's
 * localisation: the baseline's places are raw GNSS snapped to the map.
 */
public enum Localiser {
    /** GNSS fused with odometry in {@link Localisation}'s Kalman filter. */
    FILTER,
    /** No localisation of its own: the latest GNSS fix (repeated through a dropout, as the receiver does). */
    GNSS;

    /** The agent that localises by raw GNSS: {@code ExperimentConfig.AGENTS}' random baseline. */
    static final String RANDOM_AGENT = "random";

    /**
     * The localisation of {@code agent} (one of {@link ExperimentConfig#AGENTS}); {@link #FILTER} when
     * null (an episode whose event did not name its agent).
     */
    public static Localiser forAgent(String agent) {
        return RANDOM_AGENT.equals(agent) ? GNSS : FILTER;
    }
}

package dev.drivenotes.orchestrator.episode;

import dev.drivenotes.model.event.EpisodeCompleted;

/**
 * Told about every episode the driver finishes, after its trajectory is stored: the listener records
 * the episode and announces the event (with the state change, so that neither goes without the other).
 * It may also hear how many steps each tick drove (for live progress; nothing is stored).
 */
@FunctionalInterface
public interface EpisodeListener {
    void episodeCompleted(EpisodeCompleted episode);

    /** One tick drove {@code steps} steps, one per episode in flight. */
    default void stepped(int steps) {}
}

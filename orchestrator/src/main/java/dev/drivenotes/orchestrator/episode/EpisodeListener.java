package dev.drivenotes.orchestrator.episode;

import dev.drivenotes.model.event.EpisodeCompleted;

/**
 * Told about every episode the driver finishes, after its trajectory is stored: the listener records
 * the episode and announces the event (with the state change, so that neither goes without the other).
 */
@FunctionalInterface
public interface EpisodeListener {
    void episodeCompleted(EpisodeCompleted episode);
}

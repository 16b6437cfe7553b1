package dev.drivenotes.orchestrator.episode;

import dev.drivenotes.model.experiment.EpisodeSummary;

/** Told about every episode the driver finishes, after its trajectory is stored and announced. */
@FunctionalInterface
public interface EpisodeListener {
    void episodeCompleted(EpisodeSummary summary);
}

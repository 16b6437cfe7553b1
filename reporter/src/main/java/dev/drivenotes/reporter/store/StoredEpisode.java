package dev.drivenotes.reporter.store;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.EpisodeSummary;

/** An episode as stored: its summary, map, trajectory and how many notes it got. */
public record StoredEpisode(
        String experimentId, String map, String artifactUri, EpisodeSummary summary, int noteCount) {
    public StoredEpisode {
        Require.notBlank("experimentId", experimentId);
        Require.notBlank("map", map);
        Require.notBlank("artifactUri", artifactUri);
        Require.notNull("summary", summary);
        Require.inRange("noteCount", noteCount, 0, Integer.MAX_VALUE);
    }
}

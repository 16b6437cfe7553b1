package dev.drivenotes.reporter.store;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.reporter.note.Scorecard;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A completed experiment as stored: its config, the day it counts for and its scorecard.
 *
 * @param experimentId id
 * @param config the config it ran
 * @param day the UTC day it counts for ({@link ExperimentConfig#dayOr})
 * @param completedAt when it completed
 * @param scorecard its note and driving metrics as recorded at completion
 */
public record CompletedExperiment(
        String experimentId, ExperimentConfig config, LocalDate day, Instant completedAt, Scorecard scorecard) {
    public CompletedExperiment {
        Require.notBlank("experimentId", experimentId);
        Require.notNull("config", config);
        Require.notNull("day", day);
        Require.notNull("completedAt", completedAt);
        Require.notNull("scorecard", scorecard);
    }
}

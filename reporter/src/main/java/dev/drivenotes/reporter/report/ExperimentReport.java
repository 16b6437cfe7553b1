package dev.drivenotes.reporter.report;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.reporter.note.CalibrationBucket;
import java.util.List;

/**
 * The experiment report, written as {@code report.json} (this record) and {@code report.html}.
 * Launchers and checks read its keys: keep them stable.
 */
public record ExperimentReport(
        String experimentId,
        String name,
        String status,
        String agent,
        String map,
        String completedAt,
        List<Episode> episodes,
        List<EpisodeFailure> failedEpisodes,
        Metrics metrics,
        List<NoteView> notes) {

    public ExperimentReport {
        Require.notBlank("experimentId", experimentId);
        Require.notBlank("status", status);
        episodes = List.copyOf(Require.noNullElements("episodes", episodes));
        failedEpisodes = List.copyOf(Require.noNullElements("failedEpisodes", failedEpisodes));
        Require.notNull("metrics", metrics);
        notes = List.copyOf(Require.noNullElements("notes", notes));
    }

    /**
     * One episode's row: its summary, infractions, driving score ({@link
     * dev.drivenotes.model.experiment.DrivingScore}), note accuracy, and how many of its controls the
     * orchestrator's safety check clamped.
     */
    public record Episode(
            String episodeId,
            int index,
            long seed,
            int steps,
            Termination termination,
            String start,
            String destination,
            double routeCompletion,
            int collisions,
            Infractions infractions,
            int laneInvasions,
            boolean offRoad,
            double meanSpeedMps,
            double routeLengthM,
            double drivingScore,
            int notes,
            double locationAccuracy,
            double actionAccuracy,
            double destinationAccuracy,
            double allThreeAccuracy,
            double validationRate,
            int controlClamps) {}

    /**
     * The experiment's metrics. Shares are 0..1; with {@code noteCount} 0 every note share is 0.
     */
    public record Metrics(
            int noteCount,
            double locationAccuracy,
            double actionAccuracy,
            double destinationAccuracy,
            double allThreeAccuracy,
            double validationRate,
            double meanConfidence,
            List<CalibrationBucket> calibration,
            int episodes,
            double routeCompletion,
            double drivingScore,
            int collisions,
            int laneInvasions,
            int offRoadCount,
            double meanSpeedMps) {}
}

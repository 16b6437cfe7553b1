package dev.drivenotes.reporter.report;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.sim.Termination;
import java.time.LocalDate;
import java.util.List;

/**
 * The experiment report, written as {@code report.json} (this record) and {@code report.html}.
 * Launchers and checks read its keys: keep them stable. A share without a denominator (no notes)
 * is null, never 0.
 *
 * @param condition the conditions it drove in ({@link dev.drivenotes.model.experiment.Condition})
 * @param narrator who declared the notes' maneuvers: {@code agent} (the driving policy's own account)
 *     or {@code autopilot} (the autopilot's rule on the same drive), the config's {@code narrator}
 *     that the runners passed with every predict call
 * @param modelVersions the model versions that served the run's decisions, distinct, in episode order
 *     then the order they answered ({@link Episode#modelVersions()}; a dreamer's is its checkpoint, e.g.
 *     {@code dreamer:74188:9b71f9d5ec31:t0.69}); empty when no episode recorded one (episodes driven
 *     before predict responses named their model)
 * @param day the UTC day the experiment counts for in daily metrics
 * @param config the config it ran (seeds, conditions)
 * @param calibration the reliability diagram's bins and the expected calibration error
 * @param actionConfusion declared against true action over every note
 * @param accuracyByKind accuracy of junction notes and of POI notes
 * @param comparedToPrevious against the previous run of the same map and agent; null when none
 */
public record ExperimentReport(
        String experimentId,
        String name,
        String status,
        String agent,
        String map,
        String condition,
        String narrator,
        List<String> modelVersions,
        LocalDate day,
        String completedAt,
        ExperimentConfig config,
        List<Episode> episodes,
        List<EpisodeFailure> failedEpisodes,
        Metrics metrics,
        Calibration calibration,
        ActionConfusion actionConfusion,
        List<KindAccuracy> accuracyByKind,
        Comparison comparedToPrevious,
        List<NoteView> notes) {

    public ExperimentReport {
        Require.notBlank("experimentId", experimentId);
        Require.notBlank("status", status);
        Require.notBlank("condition", condition);
        Require.notBlank("narrator", narrator);
        modelVersions = List.copyOf(Require.noNullElements("modelVersions", modelVersions));
        Require.notNull("day", day);
        Require.notNull("config", config);
        episodes = List.copyOf(Require.noNullElements("episodes", episodes));
        failedEpisodes = List.copyOf(Require.noNullElements("failedEpisodes", failedEpisodes));
        Require.notNull("metrics", metrics);
        Require.notNull("calibration", calibration);
        Require.notNull("actionConfusion", actionConfusion);
        accuracyByKind = List.copyOf(Require.noNullElements("accuracyByKind", accuracyByKind));
        notes = List.copyOf(Require.noNullElements("notes", notes));
    }

    /**
     * One episode's row: its summary, infractions, driving score ({@link
     * dev.drivenotes.model.experiment.DrivingScore}), note accuracy (null shares without notes), and
     * how many of its controls the runner's safety check clamped, which runner drove it (null
     * in reports of episodes driven before runners were named) and the model versions that answered
     * its predict calls (every distinct one in order when the model changed mid-episode; null when
     * not recorded).
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
            Double locationAccuracy,
            Double actionAccuracy,
            Double destinationAccuracy,
            Double allThreeAccuracy,
            Double validationRate,
            int controlClamps,
            String runner,
            List<String> modelVersions) {}

    /**
     * The experiment's metrics. Note shares are 0..1 and null with {@code noteCount} 0; {@code
     * accuracy} repeats the four accuracies with the counts behind them, and each {@code *Interval}
     * is its 95 % Wilson score interval with its count ({@link Interval}; null with no note); {@code
     * locationErrorM} is the mean distance between the agent's own localisation and its true position
     * where the notes place it, in metres, with its 95 % bootstrap interval ({@link MeanInterval}; both
     * null when no note recorded it, as notes stored before it was); driving
     * figures are means
     * (route completion, driving score, speed) or sums (collisions, infractions) over episodes.
     */
    public record Metrics(
            int noteCount,
            Double locationAccuracy,
            Double actionAccuracy,
            Double destinationAccuracy,
            Double allThreeAccuracy,
            Double validationRate,
            Double meanConfidence,
            Double expectedCalibrationError,
            Accuracy accuracy,
            Interval locationAccuracyInterval,
            Interval actionAccuracyInterval,
            Interval destinationAccuracyInterval,
            Interval allThreeAccuracyInterval,
            Double locationErrorM,
            MeanInterval locationErrorMInterval,
            int episodes,
            double routeCompletion,
            double drivingScore,
            int collisions,
            Infractions infractions,
            int laneInvasions,
            int offRoadCount,
            double meanSpeedMps) {}
}

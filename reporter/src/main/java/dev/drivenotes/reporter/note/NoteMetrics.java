package dev.drivenotes.reporter.note;

import dev.drivenotes.model.Require;
import java.util.List;

/**
 * How accurate a set of notes is. Every share is 0..1; a set without notes has {@code noteCount} 0
 * and every share 0 (never NaN), so readers must look at {@code noteCount} before the shares.
 *
 * @param noteCount notes scored
 * @param locationAccuracy share whose place matches ground truth
 * @param actionAccuracy share whose action matches ground truth
 * @param destinationAccuracy share whose next POI matches ground truth
 * @param allThreeAccuracy share correct on all three fields
 * @param validationRate share valid against the map
 * @param meanConfidence mean agent confidence
 * @param calibration all-three accuracy per confidence bucket (0–0.2, …, 0.8–1.0)
 */
public record NoteMetrics(
        int noteCount,
        double locationAccuracy,
        double actionAccuracy,
        double destinationAccuracy,
        double allThreeAccuracy,
        double validationRate,
        double meanConfidence,
        List<CalibrationBucket> calibration) {
    public NoteMetrics {
        Require.inRange("noteCount", noteCount, 0, Integer.MAX_VALUE);
        Require.inRange("locationAccuracy", locationAccuracy, 0, 1);
        Require.inRange("actionAccuracy", actionAccuracy, 0, 1);
        Require.inRange("destinationAccuracy", destinationAccuracy, 0, 1);
        Require.inRange("allThreeAccuracy", allThreeAccuracy, 0, 1);
        Require.inRange("validationRate", validationRate, 0, 1);
        Require.inRange("meanConfidence", meanConfidence, 0, 1);
        calibration = List.copyOf(Require.noNullElements("calibration", calibration));
    }
}

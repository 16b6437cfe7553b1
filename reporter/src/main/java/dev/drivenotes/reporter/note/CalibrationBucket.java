package dev.drivenotes.reporter.note;

import dev.drivenotes.model.Require;

/**
 * Notes whose confidence lies in {@code [minConfidence, maxConfidence)} (the last bucket includes
 * 1.0) and how often they were right on all three fields.
 *
 * @param minConfidence inclusive lower bound
 * @param maxConfidence exclusive upper bound (inclusive for the last bucket)
 * @param noteCount notes in the bucket
 * @param accuracy share of them correct on place, action and next POI; 0 when the bucket is empty
 * @param meanConfidence their mean confidence; 0 when the bucket is empty
 */
public record CalibrationBucket(
        double minConfidence, double maxConfidence, int noteCount, double accuracy, double meanConfidence) {
    public CalibrationBucket {
        Require.inRange("minConfidence", minConfidence, 0, 1);
        Require.inRange("maxConfidence", maxConfidence, minConfidence, 1);
        Require.inRange("noteCount", noteCount, 0, Integer.MAX_VALUE);
        Require.inRange("accuracy", accuracy, 0, 1);
        Require.inRange("meanConfidence", meanConfidence, 0, 1);
    }
}

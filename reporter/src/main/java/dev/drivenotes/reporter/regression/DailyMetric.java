package dev.drivenotes.reporter.regression;

import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.Scorecard;
import java.util.function.Function;

/**
 * The daily metrics watched for regressions and drawn as trends: the four note accuracies (none on a
 * day without notes) and the driving score. Names are report.json's.
 */
public enum DailyMetric {
    LOCATION_ACCURACY("locationAccuracy", "location accuracy", s -> notes(s, NoteMetrics::locationAccuracy)),
    ACTION_ACCURACY("actionAccuracy", "action accuracy", s -> notes(s, NoteMetrics::actionAccuracy)),
    DESTINATION_ACCURACY(
            "destinationAccuracy", "destination accuracy", s -> notes(s, NoteMetrics::destinationAccuracy)),
    ALL_THREE_ACCURACY("allThreeAccuracy", "all-three accuracy", s -> notes(s, NoteMetrics::allThreeAccuracy)),
    DRIVING_SCORE("drivingScore", "driving score", s -> s.driving().drivingScore());

    private final String key;
    private final String label;
    private final Function<Scorecard, Double> read;

    DailyMetric(String key, String label, Function<Scorecard, Double> read) {
        this.key = key;
        this.label = label;
        this.read = read;
    }

    /** The name in report.json and in {@code AccuracyRegression.metric}. */
    public String key() {
        return key;
    }

    /** The name for readers. */
    public String label() {
        return label;
    }

    /** The metric of a scorecard; null for a note accuracy without notes. */
    public Double of(Scorecard scorecard) {
        return read.apply(scorecard);
    }

    /** The metric named {@code key} (report.json's name). */
    public static DailyMetric byKey(String key) {
        for (DailyMetric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no daily metric '" + key + "'");
    }

    private static Double notes(Scorecard s, Function<NoteMetrics, Double> share) {
        return s.notes().noteCount() == 0 ? null : share.apply(s.notes());
    }
}

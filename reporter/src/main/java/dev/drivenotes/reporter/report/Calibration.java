package dev.drivenotes.reporter.report;

import dev.drivenotes.reporter.note.CalibrationBucket;
import dev.drivenotes.reporter.note.NoteScorer;
import java.util.List;

/**
 * Confidence calibration as report.json shows it: the reliability diagram's bins and the expected
 * calibration error (ECE, the note-weighted mean gap between a bin's accuracy and its mean
 * confidence). An empty bin's accuracy and mean confidence are null, as is the ECE without notes.
 */
public record Calibration(List<Bin> bins, Double expectedCalibrationError) {

    /** One confidence bin: notes with confidence in [min, max) (the last bin includes 1.0). */
    public record Bin(
            double minConfidence, double maxConfidence, int noteCount, Double accuracy, Double meanConfidence) {}

    public Calibration {
        bins = List.copyOf(bins);
    }

    static Calibration of(List<CalibrationBucket> buckets) {
        List<Bin> bins = buckets.stream()
                .map(b -> new Bin(
                        b.minConfidence(),
                        b.maxConfidence(),
                        b.noteCount(),
                        b.noteCount() == 0 ? null : b.accuracy(),
                        b.noteCount() == 0 ? null : b.meanConfidence()))
                .toList();
        return new Calibration(bins, NoteScorer.expectedCalibrationError(buckets));
    }

    int noteCount() {
        return bins.stream().mapToInt(Bin::noteCount).sum();
    }
}

package dev.drivenotes.reporter.note;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.DrivingScore;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.note.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Scores notes against ground truth and episodes by the CARLA-leaderboard driving score ({@link
 * DrivingScore}). The same
 * functions score an episode, an experiment and a day, so the numbers always agree.
 */
public final class NoteScorer {

    /** Width of a confidence calibration bucket: five buckets 0–0.2, …, 0.8–1.0. */
    public static final double BUCKET_WIDTH = 0.2;

    private static final int BUCKETS = 5;

    private NoteScorer() {}

    public static Scorecard score(List<EpisodeSummary> episodes, List<Note> notes) {
        return new Scorecard(scoreNotes(notes), scoreDriving(episodes));
    }

    public static NoteMetrics scoreNotes(List<Note> notes) {
        Require.noNullElements("notes", notes);
        double confidenceSum = notes.stream().mapToDouble(Note::confidence).sum();
        return new NoteMetrics(
                notes.size(),
                share(notes, n -> n.correct().location()),
                share(notes, n -> n.correct().action()),
                share(notes, n -> n.correct().destination()),
                share(notes, n -> n.correct().all()),
                share(notes, Note::valid),
                mean(confidenceSum, notes.size()),
                calibration(notes));
    }

    public static DrivingMetrics scoreDriving(List<EpisodeSummary> episodes) {
        Require.noNullElements("episodes", episodes);
        int n = episodes.size();
        return new DrivingMetrics(
                n,
                mean(
                        episodes.stream()
                                .mapToDouble(EpisodeSummary::routeCompletion)
                                .sum(),
                        n),
                episodes.stream().mapToInt(EpisodeSummary::collisions).sum(),
                episodes.stream().mapToInt(EpisodeSummary::laneInvasions).sum(),
                (int) episodes.stream().filter(EpisodeSummary::offRoad).count(),
                n == 0
                        ? 0
                        : episodes.stream()
                                        .mapToDouble(EpisodeSummary::meanSpeedMps)
                                        .sum()
                                / n,
                mean(episodes.stream().mapToDouble(DrivingScore::of).sum(), n));
    }

    /**
     * The expected calibration error of the notes behind {@code buckets}: the note-weighted mean of
     * |accuracy − mean confidence| over the buckets; null when the buckets hold no note.
     */
    public static Double expectedCalibrationError(List<CalibrationBucket> buckets) {
        int notes = buckets.stream().mapToInt(CalibrationBucket::noteCount).sum();
        if (notes == 0) {
            return null;
        }
        double weighted = buckets.stream()
                .mapToDouble(b -> b.noteCount() * Math.abs(b.accuracy() - b.meanConfidence()))
                .sum();
        return weighted / notes;
    }

    private static List<CalibrationBucket> calibration(List<Note> notes) {
        int[] counts = new int[BUCKETS];
        int[] correct = new int[BUCKETS];
        double[] confidence = new double[BUCKETS];
        for (Note note : notes) {
            int b = Math.min(BUCKETS - 1, (int) Math.floor(note.confidence() / BUCKET_WIDTH));
            counts[b]++;
            confidence[b] += note.confidence();
            if (note.correct().all()) {
                correct[b]++;
            }
        }
        List<CalibrationBucket> buckets = new ArrayList<>(BUCKETS);
        for (int b = 0; b < BUCKETS; b++) {
            buckets.add(new CalibrationBucket(
                    round(b * BUCKET_WIDTH),
                    round((b + 1) * BUCKET_WIDTH),
                    counts[b],
                    mean(correct[b], counts[b]),
                    mean(confidence[b], counts[b])));
        }
        return buckets;
    }

    private static double share(List<Note> notes, Predicate<Note> test) {
        return mean(notes.stream().filter(test).count(), notes.size());
    }

    /** {@code sum / count} clamped into 0..1, and 0 when there is nothing to average. */
    private static double mean(double sum, int count) {
        return count == 0 ? 0 : Math.max(0, Math.min(1, sum / count));
    }

    private static double round(double bound) {
        return Math.round(bound * 10) / 10.0;
    }
}

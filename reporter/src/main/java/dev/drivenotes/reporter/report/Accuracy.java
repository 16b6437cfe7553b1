package dev.drivenotes.reporter.report;

import dev.drivenotes.reporter.note.NoteMetrics;

/**
 * A set of notes' accuracy as reports show it: the four shares with the counts behind them. A share
 * is null when there is no note (no denominator), never 0.
 *
 * @param noteCount notes
 * @param locationCorrect notes whose place matches ground truth
 * @param actionCorrect notes whose action matches
 * @param destinationCorrect notes whose next POI matches
 * @param allThreeCorrect notes right on all three fields
 * @param locationAccuracy locationCorrect / noteCount
 * @param actionAccuracy actionCorrect / noteCount
 * @param destinationAccuracy destinationCorrect / noteCount
 * @param allThreeAccuracy allThreeCorrect / noteCount
 */
public record Accuracy(
        int noteCount,
        int locationCorrect,
        int actionCorrect,
        int destinationCorrect,
        int allThreeCorrect,
        Double locationAccuracy,
        Double actionAccuracy,
        Double destinationAccuracy,
        Double allThreeAccuracy) {

    static Accuracy of(NoteMetrics m) {
        return new Accuracy(
                m.noteCount(),
                count(m, m.locationAccuracy()),
                count(m, m.actionAccuracy()),
                count(m, m.destinationAccuracy()),
                count(m, m.allThreeAccuracy()),
                share(m, m.locationAccuracy()),
                share(m, m.actionAccuracy()),
                share(m, m.destinationAccuracy()),
                share(m, m.allThreeAccuracy()));
    }

    /** A share of {@code m}'s notes, or null when it has none. */
    static Double share(NoteMetrics m, double share) {
        return m.noteCount() == 0 ? null : share;
    }

    /** The number of notes behind a share (shares are count / noteCount). */
    private static int count(NoteMetrics m, double share) {
        return (int) Math.round(share * m.noteCount());
    }
}

package dev.drivenotes.reporter.note;

import dev.drivenotes.model.Require;

/** Note accuracy and driving quality of one episode, experiment or day. */
public record Scorecard(NoteMetrics notes, DrivingMetrics driving) {
    public Scorecard {
        Require.notNull("notes", notes);
        Require.notNull("driving", driving);
    }
}

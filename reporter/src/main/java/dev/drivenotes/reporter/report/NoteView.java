package dev.drivenotes.reporter.report;

import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteCorrectness;
import dev.drivenotes.model.note.NoteFields;
import dev.drivenotes.model.note.NoteKind;
import dev.drivenotes.model.sim.Maneuver;

/**
 * A note as reports and the notes API show it: the agent's fields at the top level, the ground
 * truth and the per-field comparison nested.
 */
public record NoteView(
        String episodeId,
        int step,
        NoteKind kind,
        String text,
        String place,
        Maneuver action,
        String nextPoi,
        NoteFields truth,
        NoteCorrectness correct,
        double confidence,
        boolean valid) {

    public static NoteView of(Note note) {
        return new NoteView(
                note.episodeId(),
                note.step(),
                note.kind(),
                note.text(),
                note.place(),
                note.action(),
                note.nextPoi(),
                note.truth(),
                note.correct(),
                note.confidence(),
                note.valid());
    }
}

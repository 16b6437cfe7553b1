package dev.drivenotes.reporter.report;

import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteKind;
import dev.drivenotes.reporter.note.NoteScorer;
import java.util.Arrays;
import java.util.List;

/** The accuracy of the notes of one kind (junction traversals, POI arrivals). */
public record KindAccuracy(NoteKind kind, Accuracy accuracy) {

    /** One entry per note kind, in {@link NoteKind} order, kinds without notes included. */
    static List<KindAccuracy> of(List<Note> notes) {
        return Arrays.stream(NoteKind.values())
                .map(kind -> new KindAccuracy(
                        kind,
                        Accuracy.of(NoteScorer.scoreNotes(
                                notes.stream().filter(n -> n.kind() == kind).toList()))))
                .toList();
    }
}

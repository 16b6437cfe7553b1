package dev.drivenotes.model.note;

/** What cut the segment a note describes. */
public enum NoteKind {
    /** The ego passed through a junction. */
    JUNCTION,
    /** The ego reached a point of interest. */
    POI
}

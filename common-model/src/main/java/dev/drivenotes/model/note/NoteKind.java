package dev.drivenotes.model.note;

/** What cut the segment a note describes; it also decides how the note reads ({@link NoteFields#text}). */
public enum NoteKind {
    /** The ego passed through a junction: its third field is the POI it heads to next. */
    JUNCTION,
    /** The ego reached a point of interest: its third field is the POI reached. */
    POI,
    /**
     * The ego left a junction by another exit than its plan said (a missed turn): its third field
     * is the next POI of the plan after the junction.
     */
    REROUTE
}

package dev.drivenotes.model.note;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.sim.Maneuver;

/** The three fields of a driving note: where, what, heading where. */
public record NoteFields(String place, Maneuver action, String nextPoi) {
    public NoteFields {
        Require.notBlank("place", place);
        Require.notNull("action", action);
        Require.notBlank("nextPoi", nextPoi);
    }

    /** {@code At <place>, did <action> to reach <nextPoi>}. */
    public String text() {
        return "At " + place + ", did " + action.label() + " to reach " + nextPoi;
    }
}

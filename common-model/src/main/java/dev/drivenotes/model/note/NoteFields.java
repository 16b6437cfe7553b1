package dev.drivenotes.model.note;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.sim.Maneuver;

/**
 * The three fields of a driving note: where, what, and which POI — heading to next (junction and
 * reroute notes) or reached (arrival notes).
 */
public record NoteFields(String place, Maneuver action, String nextPoi) {
    public NoteFields {
        Require.notBlank("place", place);
        Require.notNull("action", action);
        Require.notBlank("nextPoi", nextPoi);
    }

    /**
     * The fields as a sentence for a note of {@code kind}: {@code At <place>, did <action> to reach
     * <nextPoi>} at a junction, {@code At <place>, did <action>, having reached <poi>} on arrival
     * (where it stopped or passed and what it reached, never "to reach" the place it is at) and
     * {@code At <place>, rerouted after <action> to reach <nextPoi>} after a missed turn.
     */
    public String text(NoteKind kind) {
        return switch (kind) {
            case JUNCTION -> "At " + place + ", did " + action.label() + " to reach " + nextPoi;
            case POI -> "At " + place + ", did " + action.label() + ", having reached " + nextPoi;
            case REROUTE -> "At " + place + ", rerouted after " + action.label() + " to reach " + nextPoi;
        };
    }
}

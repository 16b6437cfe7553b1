package dev.drivenotes.model.note;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.sim.Maneuver;

/**
 * A driving note, "At [place], did [action] to reach [next POI]", from the agent's side, with the
 * same fields from ground truth and the comparison.
 *
 * @param experimentId experiment
 * @param episodeId episode
 * @param step the step that cut the segment (junction entry, POI arrival or junction exit of a
 *     missed turn)
 * @param kind junction traversal, POI arrival or reroute after a missed turn
 * @param agent the agent-side fields
 * @param truth the ground-truth fields
 * @param correct per-field comparison of agent against truth
 * @param valid the agent's place exists on the map and its action is legal there
 * @param confidence the agent's confidence in the note (its declaration's)
 * @param locationErrorM how far, in metres, the agent's own localisation was from its true position
 *     where the note places it (the record its place is matched at); null for notes written before it
 *     was recorded
 */
public record Note(
        String experimentId,
        String episodeId,
        int step,
        NoteKind kind,
        NoteFields agent,
        NoteFields truth,
        NoteCorrectness correct,
        boolean valid,
        double confidence,
        Double locationErrorM) {
    public Note {
        Require.notBlank("experimentId", experimentId);
        Require.notBlank("episodeId", episodeId);
        Require.inRange("step", step, 0, Integer.MAX_VALUE);
        Require.notNull("kind", kind);
        Require.notNull("agent", agent);
        Require.notNull("truth", truth);
        Require.inRange("confidence", confidence, 0, 1);
        if (locationErrorM != null) {
            Require.nonNegative("locationErrorM", locationErrorM);
        }
        correct = NoteCorrectness.compare(agent, truth);
    }

    /** The agent's side as a sentence ({@link NoteFields#text}). */
    public String text() {
        return agent.text(kind);
    }

    /** Ground truth as the same sentence. */
    public String truthText() {
        return truth.text(kind);
    }

    public String place() {
        return agent.place();
    }

    public Maneuver action() {
        return agent.action();
    }

    public String nextPoi() {
        return agent.nextPoi();
    }
}

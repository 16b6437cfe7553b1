package dev.drivenotes.model.note;

/** Which of a note's fields match ground truth. */
public record NoteCorrectness(boolean location, boolean action, boolean destination) {

    public static NoteCorrectness compare(NoteFields agent, NoteFields truth) {
        return new NoteCorrectness(
                agent.place().equals(truth.place()),
                agent.action() == truth.action(),
                agent.nextPoi().equals(truth.nextPoi()));
    }

    public boolean all() {
        return location && action && destination;
    }
}

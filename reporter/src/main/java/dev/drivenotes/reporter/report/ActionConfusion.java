package dev.drivenotes.reporter.report;

import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.sim.Maneuver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The action confusion matrix: {@code counts[t][d]} notes whose true action is {@code actions[t]}
 * and whose declared action is {@code actions[d]}; every maneuver, in {@link Maneuver} order.
 */
public record ActionConfusion(List<String> actions, List<List<Integer>> counts) {

    public ActionConfusion {
        actions = List.copyOf(actions);
        counts = counts.stream().map(List::copyOf).toList();
    }

    static ActionConfusion of(List<Note> notes) {
        Maneuver[] all = Maneuver.values();
        int[][] counts = new int[all.length][all.length];
        for (Note note : notes) {
            counts[note.truth().action().ordinal()][note.action().ordinal()]++;
        }
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : counts) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return new ActionConfusion(Arrays.stream(all).map(Maneuver::label).toList(), rows);
    }

    int count(int truth, int declared) {
        return counts.get(truth).get(declared);
    }

    /** Notes whose true action is {@code actions[truth]}. */
    int truthTotal(int truth) {
        return counts.get(truth).stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether {@code actions[i]} occurs as a true or a declared action. */
    boolean occurs(int i) {
        return truthTotal(i) > 0 || counts.stream().anyMatch(row -> row.get(i) > 0);
    }
}

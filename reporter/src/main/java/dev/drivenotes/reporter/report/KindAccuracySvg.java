package dev.drivenotes.reporter.report;

import dev.drivenotes.reporter.html.BarChart;
import dev.drivenotes.reporter.html.Html;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The four note accuracies per note kind (junction traversals, POI arrivals) as grouped bars. */
final class KindAccuracySvg {

    static final List<String> SERIES = List.of("location", "action", "destination", "all three");
    static final List<String> COLOURS = List.of("#4c6ef5", "#15aabf", "#fab005", "#2f9e44");

    private KindAccuracySvg() {}

    /** The chart, or null when there are no notes of any kind. */
    static String render(List<KindAccuracy> kinds) {
        if (kinds.stream().allMatch(k -> k.accuracy().noteCount() == 0)) {
            return null;
        }
        List<BarChart.Group> groups = new ArrayList<>();
        for (KindAccuracy k : kinds) {
            Accuracy a = k.accuracy();
            // a kind without notes has null shares: Arrays.asList keeps them
            List<Double> shares = Arrays.asList(
                    a.locationAccuracy(), a.actionAccuracy(), a.destinationAccuracy(), a.allThreeAccuracy());
            List<Integer> counts =
                    List.of(a.locationCorrect(), a.actionCorrect(), a.destinationCorrect(), a.allThreeCorrect());
            List<String> titles = new ArrayList<>();
            for (int s = 0; s < SERIES.size(); s++) {
                titles.add(String.format(
                        Locale.ROOT,
                        "%s notes, %s: %s",
                        label(k),
                        SERIES.get(s),
                        Html.pctOf(shares.get(s), counts.get(s), a.noteCount())));
            }
            groups.add(new BarChart.Group(
                    label(k), a.noteCount() == 0 ? "no notes" : a.noteCount() + " notes", shares, titles));
        }
        return BarChart.render("accuracy per note kind", COLOURS, groups);
    }

    static String label(KindAccuracy k) {
        return switch (k.kind()) {
            case JUNCTION -> "junction";
            case POI -> "POI arrival";
        };
    }
}

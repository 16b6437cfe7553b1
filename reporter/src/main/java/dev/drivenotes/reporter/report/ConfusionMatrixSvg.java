package dev.drivenotes.reporter.report;

import static dev.drivenotes.reporter.html.Svg.attrs;

import dev.drivenotes.reporter.html.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The action confusion matrix as a heat map: true action per row, declared action per column, each
 * cell's shade its share of the row; the diagonal (right) is green, the rest red. Only actions that
 * occur as a true or declared action are shown.
 */
final class ConfusionMatrixSvg {

    private static final double CELL_PX = 58;
    private static final double LABEL_PX = 128;
    private static final double HEADER_PX = 96;

    private ConfusionMatrixSvg() {}

    /** The heat map, or null when there are no notes. */
    static String render(ActionConfusion confusion) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < confusion.actions().size(); i++) {
            if (confusion.occurs(i)) {
                shown.add(i);
            }
        }
        if (shown.isEmpty()) {
            return null;
        }
        double width = LABEL_PX + shown.size() * CELL_PX + 8;
        double height = HEADER_PX + shown.size() * CELL_PX + 8;
        Svg svg = new Svg("chart confusion", "action confusion matrix", 0, 0, width, height, (int) width);
        svg.group(attrs("font-size", "11", "fill", "#52606d"));
        svg.text(LABEL_PX + shown.size() * CELL_PX / 2, 12, "declared action →", "middle", null);
        svg.text(4, HEADER_PX - 6, "true action ↓", "start", null);
        for (int c = 0; c < shown.size(); c++) {
            double x = LABEL_PX + c * CELL_PX + CELL_PX / 2;
            svg.text(
                    x,
                    HEADER_PX - 8,
                    confusion.actions().get(shown.get(c)),
                    "start",
                    attrs("transform", "rotate(-45 " + Svg.n(x) + " " + Svg.n(HEADER_PX - 8) + ")"));
        }
        svg.end();
        for (int r = 0; r < shown.size(); r++) {
            int truth = shown.get(r);
            double y = HEADER_PX + r * CELL_PX;
            svg.text(
                    LABEL_PX - 6,
                    y + CELL_PX / 2 + 4,
                    confusion.actions().get(truth),
                    "end",
                    attrs("font-size", "11", "fill", "#52606d"));
            int rowTotal = confusion.truthTotal(truth);
            for (int c = 0; c < shown.size(); c++) {
                int declared = shown.get(c);
                int count = confusion.count(truth, declared);
                double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
                String hue = truth == declared ? "47,158,68" : "224,49,49";
                String fill =
                        count == 0 ? "#f8f9fa" : String.format(Locale.ROOT, "rgba(%s,%.2f)", hue, 0.15 + 0.85 * share);
                String title = String.format(
                        Locale.ROOT,
                        "true %s, declared %s: %d note%s (%s of the true %s notes)",
                        confusion.actions().get(truth),
                        confusion.actions().get(declared),
                        count,
                        count == 1 ? "" : "s",
                        rowTotal == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f %%", share * 100),
                        confusion.actions().get(truth));
                double x = LABEL_PX + c * CELL_PX;
                svg.rect(x, y, CELL_PX - 2, CELL_PX - 2, attrs("fill", fill, "stroke", "#dee2e6"), title);
                svg.text(
                        x + CELL_PX / 2 - 1,
                        y + CELL_PX / 2 + 4,
                        Integer.toString(count),
                        "middle",
                        attrs("font-size", "13", "fill", share > 0.6 ? "#fff" : "#1f2933", "pointer-events", "none"));
            }
        }
        return svg.close();
    }
}

package dev.drivenotes.reporter.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Grouped bars of shares (0..1) as inline SVG: one group per category, one bar per series, its
 * percentage above it. A null share draws no bar and reads "n/a" (no denominator, not 0 %). The
 * series' legend is HTML ({@link Html#legend}).
 */
public final class BarChart {

    /**
     * One category: its label, a note under it (e.g. its count), and one share per series.
     *
     * @param titles one tooltip per series
     */
    public record Group(String label, String note, List<Double> shares, List<String> titles) {
        public Group {
            shares = Collections.unmodifiableList(new ArrayList<>(shares));
            titles = List.copyOf(titles);
        }
    }

    private static final double BAR_PX = 30;
    private static final double GAP_PX = 28;
    private static final double HEIGHT_PX = 300;

    private BarChart() {}

    public static String render(String label, List<String> colours, List<Group> groups) {
        double groupPx = colours.size() * BAR_PX + GAP_PX;
        double width = LineChart.LEFT_PX + groups.size() * groupPx + LineChart.RIGHT_PX;
        LineChart frame =
                new LineChart(label, width, HEIGHT_PX, new Axis("", 0, 1, List.of()), Axis.share("share of notes"));
        Svg svg = frame.svg();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            double x0 = LineChart.LEFT_PX + GAP_PX / 2 + g * groupPx;
            for (int s = 0; s < colours.size(); s++) {
                Double share = group.shares().get(s);
                double x = x0 + s * BAR_PX;
                if (share == null) {
                    svg.text(
                            x + BAR_PX / 2,
                            frame.py(0) - 5,
                            Html.NOT_AVAILABLE,
                            "middle",
                            Svg.attrs("font-size", "10", "fill", "#7b8794"));
                    continue;
                }
                double top = frame.py(share);
                svg.rect(
                        x + 2,
                        top,
                        BAR_PX - 4,
                        frame.py(0) - top,
                        Svg.attrs("fill", colours.get(s)),
                        group.titles().get(s));
                svg.text(
                        x + BAR_PX / 2,
                        top - 4,
                        String.format(Locale.ROOT, "%.0f%%", share * 100),
                        "middle",
                        Svg.attrs("font-size", "10", "fill", "#1f2933"));
            }
            double mid = x0 + colours.size() * BAR_PX / 2;
            svg.text(
                    mid,
                    HEIGHT_PX - LineChart.BOTTOM_PX + 16,
                    group.label(),
                    "middle",
                    Svg.attrs("font-size", "12", "fill", "#1f2933"));
            svg.text(
                    mid,
                    HEIGHT_PX - LineChart.BOTTOM_PX + 30,
                    group.note(),
                    "middle",
                    Svg.attrs("font-size", "10", "fill", "#7b8794"));
        }
        return frame.render();
    }
}

package dev.drivenotes.reporter.report;

import dev.drivenotes.reporter.html.Axis;
import dev.drivenotes.reporter.html.LineChart;
import java.util.List;
import java.util.Locale;

/**
 * The calibration reliability diagram: per confidence bin, the share of its notes right on all
 * three fields (a bar across the bin, its note count above it) against the diagonal of perfect
 * calibration, and the bin's mean confidence as a dot. Empty bins draw no bar and say "n=0".
 */
final class ReliabilitySvg {

    private ReliabilitySvg() {}

    /** The diagram, or null when no bin holds a note. */
    static String render(Calibration calibration) {
        if (calibration.noteCount() == 0) {
            return null;
        }
        LineChart chart = new LineChart(
                "calibration reliability diagram",
                420,
                320,
                new Axis("confidence", 0, 1, Axis.share("").ticks()),
                Axis.share("all-three accuracy"));
        for (Calibration.Bin bin : calibration.bins()) {
            if (bin.noteCount() == 0) {
                continue;
            }
            double mid = (bin.minConfidence() + bin.maxConfidence()) / 2;
            List<Double> xs = List.of(bin.minConfidence() + 0.01, bin.maxConfidence() - 0.01);
            chart.band(
                    xs,
                    List.of(0.0, 0.0),
                    List.of(bin.accuracy(), bin.accuracy()),
                    "#91a7ff",
                    String.format(
                            Locale.ROOT,
                            "confidence %.1f–%.1f: %d notes, %.0f %% right, mean confidence %.2f",
                            bin.minConfidence(),
                            bin.maxConfidence(),
                            bin.noteCount(),
                            bin.accuracy() * 100,
                            bin.meanConfidence()));
            chart.marker(
                    bin.meanConfidence(),
                    bin.accuracy(),
                    3.5,
                    "#1f2933",
                    "mean confidence " + String.format(Locale.ROOT, "%.2f", bin.meanConfidence()));
            chart.label(mid, Math.min(bin.accuracy(), 0.9), "n=" + bin.noteCount());
        }
        for (Calibration.Bin bin : calibration.bins()) {
            if (bin.noteCount() == 0) {
                chart.label((bin.minConfidence() + bin.maxConfidence()) / 2, 0, "n=0");
            }
        }
        chart.line(List.of(0.0, 1.0), List.of(0.0, 1.0), "#868e96", true, "perfect calibration");
        return chart.render();
    }
}

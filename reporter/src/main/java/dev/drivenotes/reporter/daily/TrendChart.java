package dev.drivenotes.reporter.daily;

import dev.drivenotes.reporter.html.Axis;
import dev.drivenotes.reporter.html.Html;
import dev.drivenotes.reporter.html.LineChart;
import dev.drivenotes.reporter.regression.DailyMetric;
import dev.drivenotes.reporter.regression.RegressionRule;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One metric of one configuration over the trend window: the daily values (a gap on days without
 * one), the band each day's trailing days allow (shaded), and a red dot on each day below its band.
 */
final class TrendChart {

    static final String LINE = "#364fc7";
    static final String BAND = "#dbe4ff";
    static final String REGRESSION = "#e03131";
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MM-dd");

    private TrendChart() {}

    static String render(DailyMetric metric, List<DailyReport.TrendPoint> trend) {
        List<Axis.Tick> ticks = new ArrayList<>();
        for (int i = trend.size() - 1; i >= 0; i -= 7) {
            ticks.add(new Axis.Tick(i, TICK.format(trend.get(i).day())));
        }
        LineChart chart = new LineChart(
                metric.label() + " over the last " + trend.size() + " days",
                380,
                220,
                new Axis("day (UTC)", 0, Math.max(1, trend.size() - 1), ticks),
                metric == DailyMetric.DRIVING_SCORE
                        ? Axis.upTo(metric.label(), 1, 4, v -> String.format(Locale.ROOT, "%.2f", v))
                        : Axis.share(metric.label()));
        List<Double> xs = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        for (int i = 0; i < trend.size(); i++) {
            DailyReport.TrendPoint p = trend.get(i);
            RegressionRule.Band band = p.bands().get(metric.key());
            xs.add((double) i);
            values.add(p.values().get(metric.key()));
            lower.add(band == null ? null : Math.max(0, band.lower()));
            upper.add(band == null ? null : Math.min(1, band.upper()));
        }
        chart.band(xs, lower, upper, BAND, "expected range: trailing mean ± the rule's deviations");
        chart.line(xs, values, LINE, false, metric.label());
        for (int i = 0; i < trend.size(); i++) {
            Double value = values.get(i);
            if (value == null) {
                continue;
            }
            RegressionRule.Band band = trend.get(i).bands().get(metric.key());
            boolean regressed = band != null && band.below(value);
            String title = trend.get(i).day() + ": " + format(metric, value)
                    + (band == null
                            ? " (too few earlier days for a band)"
                            : " (band from " + format(metric, band.lower()) + ", mean " + format(metric, band.mean())
                                    + ")")
                    + (regressed ? ": regression" : "");
            chart.marker(i, value, regressed ? 5 : 2.5, regressed ? REGRESSION : LINE, title);
        }
        return chart.render();
    }

    /** A value as its chart shows it: a percentage, or the driving score to two decimals. */
    static String format(DailyMetric metric, double value) {
        return metric == DailyMetric.DRIVING_SCORE ? Html.num(value, 2) : Html.pct(value);
    }
}

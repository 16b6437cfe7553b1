package dev.drivenotes.reporter.regression;

import dev.drivenotes.reporter.store.DailyMetrics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Applies a {@link RegressionRule} to one configuration's daily rows. Pure. */
public final class RegressionCheck {

    private RegressionCheck() {}

    /**
     * The metrics of {@code day} below their band.
     *
     * @param history the configuration's daily rows (other days outside the window are ignored)
     */
    public static List<Regression> check(RegressionRule rule, DailyMetrics day, List<DailyMetrics> history) {
        List<Regression> found = new ArrayList<>();
        for (DailyMetric metric : DailyMetric.values()) {
            Double value = metric.of(day.scorecard());
            RegressionRule.Band band = band(rule, metric, day.day(), history);
            if (value != null && band != null && band.below(value)) {
                found.add(new Regression(
                        metric.key(),
                        day.day(),
                        day.map(),
                        day.agent(),
                        value,
                        band.mean(),
                        band.stdDev(),
                        band.lower(),
                        band.days()));
            }
        }
        return found;
    }

    /** The band of {@code metric} on {@code day}, from the values of the window's days before it. */
    public static RegressionRule.Band band(
            RegressionRule rule, DailyMetric metric, LocalDate day, List<DailyMetrics> history) {
        LocalDate first = day.minusDays(rule.windowDays());
        List<Double> trailing = history.stream()
                .filter(d -> !d.day().isBefore(first) && d.day().isBefore(day))
                .map(d -> metric.of(d.scorecard()))
                .filter(Objects::nonNull)
                .toList();
        return rule.band(trailing);
    }
}

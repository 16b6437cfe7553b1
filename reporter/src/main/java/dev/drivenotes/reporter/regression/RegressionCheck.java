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
     * The metrics of {@code day} below their band, which comes from the rows of the same map, agent
     * and condition only: a day under harder conditions is never compared with easier days.
     *
     * @param history daily rows (rows of other configurations, and days outside the window, are
     *     ignored)
     */
    public static List<Regression> check(RegressionRule rule, DailyMetrics day, List<DailyMetrics> history) {
        List<DailyMetrics> own = history.stream().filter(day::sameConfiguration).toList();
        List<Regression> found = new ArrayList<>();
        for (DailyMetric metric : DailyMetric.values()) {
            Double value = metric.of(day.scorecard());
            RegressionRule.Band band = band(rule, metric, day.day(), own);
            if (value != null && band != null && band.below(value)) {
                found.add(new Regression(
                        metric.key(),
                        day.day(),
                        day.map(),
                        day.agent(),
                        day.condition(),
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

package dev.drivenotes.model.event;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.Condition;
import java.time.LocalDate;

/**
 * A daily metric of one configuration (map, agent and condition) fell below the band of its trailing days:
 * {@code value < threshold}, where the threshold is the trailing mean less a number of standard
 * deviations (the reporter's regression rule).
 *
 * @param experimentId the experiment whose completion showed the regression (the configuration's
 *     latest of the day)
 * @param day the UTC day of the metric
 * @param map the configuration's map
 * @param agent the configuration's agent
 * @param metric the metric as report.json names it: {@code locationAccuracy}, {@code
 *     actionAccuracy}, {@code destinationAccuracy}, {@code allThreeAccuracy} or {@code drivingScore}
 * @param value the day's value, 0..1
 * @param trailingMean the mean of the trailing days' values
 * @param trailingStdDev their sample standard deviation
 * @param threshold the value below which the day is a regression
 * @param windowDays how many days before {@code day} the window spans
 * @param daysInWindow how many of them had a value
 * @param condition the configuration's {@link Condition}; an event without it (published before
 *     daily metrics were kept per condition) reads as {@link Condition#DEFAULT}
 */
public record AccuracyRegression(
        String experimentId,
        LocalDate day,
        String map,
        String agent,
        String metric,
        double value,
        double trailingMean,
        double trailingStdDev,
        double threshold,
        int windowDays,
        int daysInWindow,
        String condition)
        implements DomainEvent {
    public AccuracyRegression {
        Require.notBlank("experimentId", experimentId);
        Require.notNull("day", day);
        Require.notBlank("map", map);
        Require.notBlank("agent", agent);
        Require.notBlank("metric", metric);
        Require.inRange("value", value, 0, 1);
        Require.inRange("trailingMean", trailingMean, 0, 1);
        Require.nonNegative("trailingStdDev", trailingStdDev);
        Require.finite("threshold", threshold);
        if (value >= threshold) {
            throw new InvalidInputException("value", value + " is not below the threshold " + threshold);
        }
        Require.inRange("windowDays", windowDays, 1, 366);
        Require.inRange("daysInWindow", daysInWindow, 1, windowDays);
        condition = condition == null ? Condition.DEFAULT : Require.notBlank("condition", condition);
    }
}

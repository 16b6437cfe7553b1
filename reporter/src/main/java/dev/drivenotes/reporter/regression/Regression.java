package dev.drivenotes.reporter.regression;

import java.time.LocalDate;

/**
 * A configuration's daily metric below its band ({@link RegressionRule}); a configuration is a map,
 * an agent and a condition ({@link dev.drivenotes.model.experiment.Condition}), and its band comes
 * from its own trailing days only.
 *
 * @param metric the metric's report.json name
 * @param day its day
 * @param map the configuration's map
 * @param agent the configuration's agent
 * @param condition the configuration's condition
 * @param value the day's value
 * @param trailingMean the trailing mean
 * @param trailingStdDev the trailing sample standard deviation
 * @param threshold the band's lower edge
 * @param daysInWindow trailing days with a value
 */
public record Regression(
        String metric,
        LocalDate day,
        String map,
        String agent,
        String condition,
        double value,
        double trailingMean,
        double trailingStdDev,
        double threshold,
        int daysInWindow) {}

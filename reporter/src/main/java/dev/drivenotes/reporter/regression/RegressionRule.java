package dev.drivenotes.reporter.regression;

import dev.drivenotes.model.Require;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a daily metric of a configuration counts as a regression: it lies below its trailing mean
 * less {@code sigmas} sample standard deviations, and at least {@code minDrop} below the mean (so a
 * flat history, whose deviation is 0, does not flag rounding noise), where the trailing days are the
 * {@code windowDays} days before it that have a value, at least {@code minDays} of them.
 *
 * <p>{@code drivenotes.reporter.regression.sigmas} (default 2), {@code .window-days} (7), {@code
 * .min-days} (5), {@code .min-drop} (0.01, one percentage point).
 */
@ConfigurationProperties("drivenotes.reporter.regression")
public record RegressionRule(
        @DefaultValue("2") double sigmas,
        @DefaultValue("7") int windowDays,
        @DefaultValue("5") int minDays,
        @DefaultValue("0.01") double minDrop) {

    public RegressionRule {
        Require.inRange("sigmas", sigmas, 0.1, 10);
        Require.inRange("windowDays", windowDays, 2, 90);
        Require.inRange("minDays", minDays, 2, windowDays);
        Require.inRange("minDrop", minDrop, 0, 1);
    }

    /**
     * The band of the trailing values: mean ± sigmas × sample deviation, the lower edge at least
     * {@code minDrop} under the mean; null when there are fewer than {@code minDays} values.
     */
    public Band band(List<Double> trailing) {
        if (trailing.size() < minDays) {
            return null;
        }
        double mean =
                trailing.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares =
                trailing.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double deviation = Math.sqrt(squares / (trailing.size() - 1));
        return new Band(
                mean,
                deviation,
                mean - Math.max(sigmas * deviation, minDrop),
                mean + sigmas * deviation,
                trailing.size());
    }

    /**
     * A day's expected range from its trailing days.
     *
     * @param mean mean of the trailing values
     * @param stdDev their sample standard deviation
     * @param lower below this a value is a regression
     * @param upper mean + sigmas × stdDev, the band's top as drawn
     * @param days how many trailing values it rests on
     */
    public record Band(double mean, double stdDev, double lower, double upper, int days) {
        public boolean below(double value) {
            return value < lower;
        }
    }
}

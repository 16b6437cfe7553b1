package dev.drivenotes.reporter.regression;

import dev.drivenotes.model.event.AccuracyRegression;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.reporter.announce.Announcer;
import dev.drivenotes.reporter.store.DailyMetrics;
import dev.drivenotes.reporter.store.MetricsSink;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Raises a configuration's regressions of a day: publishes one {@link AccuracyRegression} per metric and writes the alert line that Cloud Monitoring counts ({@link
 * #LOG_MARKER}, see terraform/monitoring.tf). A configuration is a map, an agent and a condition:
 * its day is compared with its own trailing days only. An event's id derives from (day, map, agent,
 * condition, metric), so raising the same regression again (a redelivered event, a second run of the
 * configuration that day) publishes the same event id, which consumers drop as a duplicate, while
 * the same metric regressing under two conditions publishes two events.
 *
 * <p>{@link AccuracyRegression} (common-model) has no condition field yet: the condition is in the
 * alert line and the event id, and consumers of the event read it from the experiment.
 */
@Component
public class RegressionAlerts {

    /** The first word of the alert line; the log-based metric in terraform/monitoring.tf matches it. */
    public static final String LOG_MARKER = "accuracy_regression";

    private static final Logger log = LoggerFactory.getLogger(RegressionAlerts.class);

    private final RegressionRule rule;
    private final MetricsSink sink;
    private final Announcer announcer;
    private final Clock clock;

    public RegressionAlerts(RegressionRule rule, MetricsSink sink, Announcer announcer, Clock clock) {
        this.rule = rule;
        this.sink = sink;
        this.announcer = announcer;
        this.clock = clock;
    }

    /** Checks the configuration's day against its trailing days and raises what regressed. */
    public List<Regression> raise(DailyMetrics day, String experimentId) {
        List<DailyMetrics> history =
                sink
                        .dailyBetween(
                                day.day().minusDays(rule.windowDays()),
                                day.day().minusDays(1))
                        .stream()
                        .filter(day::sameConfiguration)
                        .toList();
        List<Regression> regressions = RegressionCheck.check(rule, day, history);
        for (Regression r : regressions) {
            publish(new AccuracyRegression(
                    experimentId,
                    r.day(),
                    r.map(),
                    r.agent(),
                    r.metric(),
                    r.value(),
                    r.trailingMean(),
                    r.trailingStdDev(),
                    r.threshold(),
                    rule.windowDays(),
                    r.daysInWindow(),
                    r.condition()));
            log.warn(
                    "{} metric={} agent={} condition={} day={} value={} threshold={} mean={} sd={} days={} experiment={} map=\"{}\"",
                    LOG_MARKER,
                    r.metric(),
                    r.agent(),
                    r.condition(),
                    r.day(),
                    round(r.value()),
                    round(r.threshold()),
                    round(r.trailingMean()),
                    round(r.trailingStdDev()),
                    r.daysInWindow(),
                    experimentId,
                    r.map());
        }
        return regressions;
    }

    /** The event id of a regression: the same for the same (day, map, agent, condition, metric). */
    static String eventId(AccuracyRegression r) {
        String key = "AccuracyRegression/" + r.day() + "/" + r.map() + "/" + r.agent() + "/" + r.condition() + "/"
                + r.metric();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void publish(AccuracyRegression regression) {
        announcer.announce(new EventEnvelope(
                eventId(regression),
                null,
                regression.experimentId(),
                clock.instant(),
                EventEnvelope.SCHEMA_VERSION,
                regression,
                null));
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}

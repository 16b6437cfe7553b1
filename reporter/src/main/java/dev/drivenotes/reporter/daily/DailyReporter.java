package dev.drivenotes.reporter.daily;

import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.regression.Regression;
import dev.drivenotes.reporter.regression.RegressionAlerts;
import dev.drivenotes.reporter.regression.RegressionRule;
import dev.drivenotes.reporter.store.DailyMetrics;
import dev.drivenotes.reporter.store.MetricsSink;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a day's aggregate, regressions and report current as its experiments complete.
 *
 * <p>When is the daily report written? After <em>every</em> experiment of the day completes (and on
 * demand). Each write replaces the previous one from the stored rows, so the version written after
 * the day's last experiment (scheduled or not) is complete, whatever order the experiments finish
 * in and however often an event is redelivered; no one has to know in advance how many experiments
 * a day will have. An experiment counts for its config's {@code day}, else the UTC day it completes.
 */
@Component
public class DailyReporter {

    /** Days a report's trends span, ending with its date. */
    public static final int TREND_DAYS = 30;

    static final String JSON_TYPE = "application/json";
    static final String HTML_TYPE = "text/html; charset=utf-8";
    private static final Logger log = LoggerFactory.getLogger(DailyReporter.class);

    private final MetricsSink sink;
    private final ArtifactStore artifacts;
    private final DailyRollup rollup;
    private final RegressionAlerts alerts;
    private final RegressionRule rule;
    private final Clock clock;

    public DailyReporter(
            MetricsSink sink,
            ArtifactStore artifacts,
            DailyRollup rollup,
            RegressionAlerts alerts,
            RegressionRule rule,
            Clock clock) {
        this.sink = sink;
        this.artifacts = artifacts;
        this.rollup = rollup;
        this.alerts = alerts;
        this.rule = rule;
        this.clock = clock;
    }

    /** A written daily report and where it is. */
    public record Rendered(DailyReport report, URI jsonUri, URI htmlUri) {}

    /**
     * Before an experiment of (day, map, agent, condition) is recorded as completed: aggregates that
     * configuration's day with the experiment in it and raises its regressions. Their events go out
     * under ids derived from the regression, so raising them again (the completion redelivered after
     * a crash) announces under the same ids.
     */
    public List<Regression> raiseRegressions(
            String experimentId, LocalDate day, String map, String agent, String condition) {
        DailyMetrics daily = rollup.aggregate(day, map, agent, condition, experimentId);
        return alerts.raise(daily, experimentId);
    }

    /**
     * Once an experiment of (day, map, agent, condition) is recorded as completed: records that configuration's
     * day from the stored rows and rewrites the day's report.
     */
    public void experimentRecorded(LocalDate day, String map, String agent, String condition) {
        rollup.update(day, map, agent, condition);
        render(day);
    }

    /** Writes the daily report of {@code date} from the stored rows. */
    public Rendered render(LocalDate date) {
        DailyReport report = DailyReportAssembler.assemble(
                date,
                clock.instant(),
                rule,
                TREND_DAYS,
                sink.completedBetween(date, date),
                sink.dailyBetween(DailyReportAssembler.historyFrom(date, TREND_DAYS, rule), date));
        // the page first: whoever sees the JSON list an experiment finds a page that lists it too
        byte[] html = DailyHtml.render(report).getBytes(StandardCharsets.UTF_8);
        URI htmlUri = artifacts.put(ArtifactKeys.dailyReportHtml(date), html, HTML_TYPE);
        byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        URI jsonUri = artifacts.put(ArtifactKeys.dailyReportJson(date), json, JSON_TYPE);
        log.info(
                "daily report of {}: {} configuration(s), {} regression(s), at {}",
                date,
                report.configurations().size(),
                report.regressions().size(),
                jsonUri);
        return new Rendered(report, jsonUri, htmlUri);
    }
}

package dev.drivenotes.reporter.daily;

import static dev.drivenotes.reporter.html.Html.esc;
import static dev.drivenotes.reporter.html.Html.num;
import static dev.drivenotes.reporter.html.Html.pct;

import dev.drivenotes.reporter.html.Html;
import dev.drivenotes.reporter.html.HtmlPage;
import dev.drivenotes.reporter.regression.DailyMetric;
import dev.drivenotes.reporter.regression.Regression;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a daily report as one self-contained HTML page: the day's regressions first, then per
 * configuration a table of its experiments and the day's aggregate, and its trend charts.
 */
final class DailyHtml {

    private final StringBuilder html = new StringBuilder(65_536);

    private DailyHtml() {}

    static String render(DailyReport report) {
        DailyHtml page = new DailyHtml();
        page.header(report);
        page.regressions(report.regressions());
        for (DailyReport.Configuration c : report.configurations()) {
            page.configuration(c, report.trendDays());
        }
        return HtmlPage.of("DriveNotes daily report " + report.date(), page.html.toString());
    }

    private void header(DailyReport r) {
        int experiments = r.configurations().stream()
                .mapToInt(c -> c.experiments().size())
                .sum();
        html.append("<h1>DriveNotes daily report: ")
                .append(esc(r.date().toString()))
                .append(" (UTC)</h1>\n");
        html.append("<p class=\"meta\">").append(experiments).append(" experiment(s) in ");
        html.append(r.configurations().size()).append(" configuration(s) (map, agent and condition) · written ");
        html.append(esc(r.generatedAt())).append("</p>\n");
        html.append("<p class=\"meta\">A regression is a day's value below its trailing ");
        html.append(r.rule().windowDays())
                .append("-day mean less ")
                .append(esc(num(r.rule().sigmas(), 1)));
        html.append(" standard deviations (and at least ")
                .append(esc(num(r.rule().minDrop() * 100, 1)));
        html.append(" percentage points below the mean), with at least ")
                .append(r.rule().minDays())
                .append(" earlier days.</p>\n");
        if (r.configurations().isEmpty()) {
            html.append("<p class=\"empty\">No experiment completed on this day.</p>\n");
        }
    }

    private void regressions(List<Regression> regressions) {
        html.append("<h2>Regressions</h2>\n");
        if (regressions.isEmpty()) {
            html.append("<p>No regressions.</p>\n");
            return;
        }
        html.append("<ul class=\"worse\">");
        for (Regression r : regressions) {
            html.append("<li><b>")
                    .append(esc(DailyMetric.byKey(r.metric()).label()))
                    .append("</b> of agent ")
                    .append(esc(r.agent()));
            html.append(" on ").append(esc(r.map())).append(" under ").append(esc(r.condition()));
            html.append(": ").append(esc(value(r.metric(), r.value())));
            html.append(", below ")
                    .append(esc(value(r.metric(), r.threshold())))
                    .append(" (trailing mean ");
            html.append(esc(value(r.metric(), r.trailingMean())))
                    .append(" over ")
                    .append(r.daysInWindow());
            html.append(" days)</li>");
        }
        html.append("</ul>\n");
    }

    private void configuration(DailyReport.Configuration c, int trendDays) {
        html.append("<h2>Agent ")
                .append(esc(c.agent()))
                .append(" on map ")
                .append(esc(c.map()))
                .append(" under ")
                .append(esc(c.condition()))
                .append("</h2>\n");
        Set<String> regressed = c.regressions().stream().map(Regression::metric).collect(Collectors.toSet());
        html.append(
                "<div class=\"scroll\"><table><tr><th>experiment</th><th>completed (UTC)</th><th>episodes, seeds</th><th>conditions</th>");
        html.append("<th>notes</th><th>location</th><th>action</th><th>destination</th><th>all three</th>");
        html.append(
                "<th>calibration error</th><th>route completion</th><th>driving score</th><th>collisions</th></tr>\n");
        for (DailyReport.ExperimentRow e : c.experiments()) {
            DailyReport.Conditions k = e.conditions();
            // the experiment's report lies at reports/<id>/report.html, beside reports/daily/ (also in the
            // API's paths and beside the launcher's copy in OUT/<id>/)
            html.append("<tr><td><a href=\"../")
                    .append(esc(e.experimentId()))
                    .append("/report.html\">")
                    .append(esc(e.name()))
                    .append("</a><span class=\"truth\">")
                    .append(esc(e.experimentId()));
            html.append("</span></td><td>")
                    .append(esc(time(e.completedAt())))
                    .append("</td><td>")
                    .append(k.episodes());
            html.append(", ")
                    .append(esc(k.seeds().toString()))
                    .append("</td><td>")
                    .append(esc(k.weather()));
            html.append(", ").append(k.npcCount()).append(" NPCs, GNSS noise ").append(esc(num(k.gnssNoiseM(), 1)));
            html.append(" m</td>");
            figures(e.figures(), Set.of());
            html.append("</tr>\n");
        }
        if (c.day() != null) {
            html.append("<tr><th colspan=\"4\">the day (")
                    .append(c.day().experiments())
                    .append(" experiment(s))</th>");
            figures(c.day(), regressed);
            html.append("</tr>\n");
        }
        html.append("</table></div>\n<h3>Trends over the last ")
                .append(trendDays)
                .append(" days</h3>\n<div class=\"grid\">");
        for (DailyMetric metric : DailyMetric.values()) {
            html.append("<figure>").append(TrendChart.render(metric, c.trend()));
            html.append("<figcaption>").append(esc(metric.label()));
            html.append(regressed.contains(metric.key()) ? ": regression today" : "")
                    .append("</figcaption></figure>");
        }
        html.append("</div>");
        html.append(Html.legend(
                List.of("daily value", "expected range (band)", "below the band"),
                List.of(TrendChart.LINE, TrendChart.BAND, TrendChart.REGRESSION)));
    }

    private void figures(DailyReport.Figures f, Set<String> regressed) {
        cell(Integer.toString(f.noteCount()), false);
        cell(pct(f.locationAccuracy()), regressed.contains(DailyMetric.LOCATION_ACCURACY.key()));
        cell(pct(f.actionAccuracy()), regressed.contains(DailyMetric.ACTION_ACCURACY.key()));
        cell(pct(f.destinationAccuracy()), regressed.contains(DailyMetric.DESTINATION_ACCURACY.key()));
        cell(pct(f.allThreeAccuracy()), regressed.contains(DailyMetric.ALL_THREE_ACCURACY.key()));
        cell(num(f.expectedCalibrationError(), 3), false);
        cell(pct(f.routeCompletion()), false);
        cell(num(f.drivingScore(), 2), regressed.contains(DailyMetric.DRIVING_SCORE.key()));
        cell(Integer.toString(f.collisions()), false);
    }

    private void cell(String value, boolean regressed) {
        html.append("<td class=\"num")
                .append(regressed ? " bad" : "")
                .append("\">")
                .append(esc(value));
        html.append(regressed ? " ⚠" : "").append("</td>");
    }

    /** "2026-01-08T10:15:30.123Z" → "2026-01-08 10:15:30". */
    private static String time(String instant) {
        String seconds = instant.length() >= 19 ? instant.substring(0, 19) : instant;
        return seconds.replace('T', ' ');
    }

    private static String value(String metric, double v) {
        return TrendChart.format(DailyMetric.byKey(metric), v);
    }
}

package dev.drivenotes.reporter.report;

import static dev.drivenotes.reporter.html.Html.esc;

import dev.drivenotes.reporter.html.Html;
import java.util.Locale;
import java.util.Set;

/** The summary's comparison with the previous run of the same map and agent, worse metrics first. */
final class ComparisonSection {

    /** Metrics shown as percentages; the others as plain numbers. */
    private static final Set<String> SHARES = Set.of(
            "locationAccuracy",
            "actionAccuracy",
            "destinationAccuracy",
            "allThreeAccuracy",
            "validationRate",
            "routeCompletion");

    private ComparisonSection() {}

    static String render(ExperimentReport r) {
        Comparison c = r.comparedToPrevious();
        StringBuilder html = new StringBuilder();
        if (c == null) {
            return html.append("<p class=\"empty\">No earlier run of agent ")
                    .append(esc(r.agent()))
                    .append(" on map ")
                    .append(esc(r.map()))
                    .append(" to compare with.</p>")
                    .toString();
        }
        html.append("<p>Previous run: ")
                .append(esc(c.experimentId()))
                .append(" (")
                .append(esc(c.name()));
        html.append(", day ").append(esc(c.day().toString())).append(").</p>");
        if (!c.conditions().isEmpty()) {
            html.append("<p>Conditions that differ: ");
            for (int i = 0; i < c.conditions().size(); i++) {
                Comparison.Condition d = c.conditions().get(i);
                html.append(i == 0 ? "" : "; ").append(esc(d.condition())).append(' ');
                html.append(esc(d.previous())).append(" → ").append(esc(d.current()));
            }
            html.append(".</p>");
        }
        if (c.worse().isEmpty()) {
            html.append("<p>Nothing got worse.</p>");
        } else {
            html.append("<p><b>Worse than the previous run:</b></p><ul class=\"worse\">");
            c.metrics().stream()
                    .filter(Comparison.MetricChange::worse)
                    .forEach(m -> html.append("<li>")
                            .append(esc(name(m.metric())))
                            .append(": ")
                            .append(esc(value(m.metric(), m.previous())))
                            .append(" → ")
                            .append(esc(value(m.metric(), m.current())))
                            .append("</li>"));
            html.append("</ul>");
        }
        html.append("<details><summary>every compared metric</summary><table><tr><th>metric</th>");
        html.append("<th>previous</th><th>this run</th></tr>");
        for (Comparison.MetricChange m : c.metrics()) {
            html.append("<tr class=\"").append(m.worse() ? "bad" : "").append("\"><td>");
            html.append(esc(name(m.metric()))).append("</td><td class=\"num\">");
            html.append(esc(value(m.metric(), m.previous()))).append("</td><td class=\"num\">");
            html.append(esc(value(m.metric(), m.current()))).append("</td></tr>");
        }
        return html.append("</table></details>").toString();
    }

    /**
     * "locationAccuracy" → "location accuracy", "allThreeAccuracy" → "all-three accuracy",
     * "locationErrorM" → "localisation error (m)".
     */
    static String name(String metric) {
        if (metric.equals("locationErrorM")) {
            return "localisation error (m)";
        }
        return metric.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT).replace("all three", "all-three");
    }

    private static String value(String metric, Double v) {
        return SHARES.contains(metric) ? Html.pct(v) : Html.num(v, metric.equals("expectedCalibrationError") ? 3 : 2);
    }
}

package dev.drivenotes.reporter.report;

import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.reporter.note.CalibrationBucket;
import java.util.Locale;

/**
 * Renders a report as one self-contained HTML page: inline CSS, no scripts, no external resources.
 * Every value that comes from a map or a config is HTML-escaped.
 */
final class HtmlReport {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1f2933;}
            h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem}
            .meta{color:#52606d;margin-top:0}
            table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
            th,td{border:1px solid #d9e2ec;padding:.3rem .6rem;text-align:left;vertical-align:top}
            th{background:#f0f4f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .ok{background:#e3f9e5}.bad{background:#ffe3e3}.truth{display:block;color:#7b8794;font-size:.8rem}
            .cards{display:flex;flex-wrap:wrap;gap:.75rem}
            .card{border:1px solid #d9e2ec;border-radius:6px;padding:.5rem .9rem;min-width:9rem}
            .card b{display:block;font-size:1.3rem}.card span{color:#52606d;font-size:.8rem}
            """;

    private final StringBuilder html = new StringBuilder(16_384);

    private HtmlReport() {}

    static String render(ExperimentReport report) {
        return new HtmlReport().page(report).html.toString();
    }

    private HtmlReport page(ExperimentReport r) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>DriveNotes report ")
                .append(esc(r.experimentId()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>\n");
        html.append("<h1>DriveNotes report: ").append(esc(r.name())).append("</h1>\n");
        html.append("<p class=\"meta\">Experiment ").append(esc(r.experimentId()));
        html.append(" · status ").append(esc(r.status()));
        html.append(" · agent ").append(esc(r.agent()));
        html.append(" · map ").append(esc(r.map()));
        html.append(" · completed ").append(esc(r.completedAt())).append("</p>\n");
        summary(r.metrics());
        calibration(r.metrics());
        episodes(r);
        failedEpisodes(r);
        notes(r);
        html.append("</body></html>\n");
        return this;
    }

    private void summary(ExperimentReport.Metrics m) {
        html.append("<h2>Summary</h2>\n<div class=\"cards\">");
        card("notes", Integer.toString(m.noteCount()));
        card("location accuracy", pct(m.locationAccuracy()));
        card("action accuracy", pct(m.actionAccuracy()));
        card("destination accuracy", pct(m.destinationAccuracy()));
        card("all-three accuracy", pct(m.allThreeAccuracy()));
        card("validation rate", pct(m.validationRate()));
        card("mean confidence", num(m.meanConfidence()));
        card("episodes", Integer.toString(m.episodes()));
        card("route completion", pct(m.routeCompletion()));
        card("driving score", num(m.drivingScore()));
        card("collisions", Integer.toString(m.collisions()));
        card("off-road episodes", Integer.toString(m.offRoadCount()));
        card("mean speed", num(m.meanSpeedMps()) + " m/s");
        html.append("</div>\n");
    }

    private void card(String label, String value) {
        html.append("<div class=\"card\"><b>").append(esc(value)).append("</b><span>");
        html.append(esc(label)).append("</span></div>");
    }

    private void calibration(ExperimentReport.Metrics m) {
        html.append("<h2>Confidence calibration</h2>\n<table><tr><th>confidence</th><th>notes</th>");
        html.append("<th>all-three accuracy</th><th>mean confidence</th></tr>\n");
        for (CalibrationBucket b : m.calibration()) {
            html.append("<tr><td>").append(num(b.minConfidence())).append("–").append(num(b.maxConfidence()));
            html.append("</td>");
            cell(Integer.toString(b.noteCount()));
            cell(b.noteCount() == 0 ? "–" : pct(b.accuracy()));
            cell(b.noteCount() == 0 ? "–" : num(b.meanConfidence()));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private void episodes(ExperimentReport r) {
        html.append("<h2>Episodes</h2>\n<table><tr><th>episode</th><th>seed</th><th>start</th>");
        html.append("<th>destination</th><th>termination</th><th>steps</th><th>route completion</th>");
        html.append("<th>collisions (pedestrian / vehicle / static)</th><th>red lights run</th>");
        html.append("<th>stop signs run</th><th>mean speed (m/s)</th><th>driving score</th><th>notes</th>");
        html.append("<th>all-three accuracy</th></tr>\n");
        for (ExperimentReport.Episode e : r.episodes()) {
            html.append("<tr><td>").append(esc(e.episodeId())).append("</td>");
            cell(Long.toString(e.seed()));
            html.append("<td>").append(esc(e.start())).append("</td><td>").append(esc(e.destination()));
            html.append("</td><td>").append(esc(e.termination().name())).append("</td>");
            cell(Integer.toString(e.steps()));
            cell(pct(e.routeCompletion()));
            Infractions i = e.infractions();
            cell(e.collisions() + " (" + i.collisionsPedestrian() + " / " + i.collisionsVehicle() + " / "
                    + i.collisionsStatic() + ")");
            cell(Integer.toString(i.redLightRuns()));
            cell(Integer.toString(i.stopSignRuns()));
            cell(num(e.meanSpeedMps()));
            cell(num(e.drivingScore()));
            cell(Integer.toString(e.notes()));
            cell(e.notes() == 0 ? "–" : pct(e.allThreeAccuracy()));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** Episodes that could not be driven, each with its reason; nothing when none failed. */
    private void failedEpisodes(ExperimentReport r) {
        if (r.failedEpisodes().isEmpty()) {
            return;
        }
        html.append("<h2>Failed episodes</h2>\n<table><tr><th>episode</th><th>seed</th><th>attempts</th>");
        html.append("<th>reason</th></tr>\n");
        for (EpisodeFailure f : r.failedEpisodes()) {
            html.append("<tr><td>").append(esc(f.episodeId())).append("</td>");
            cell(Long.toString(f.seed()));
            cell(Integer.toString(f.attempts()));
            html.append("<td>").append(esc(f.reason())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void notes(ExperimentReport r) {
        html.append("<h2>Notes</h2>\n<table><tr><th>episode</th><th>step</th><th>kind</th><th>note</th>");
        html.append("<th>place</th><th>action</th><th>next POI</th><th>confidence</th><th>valid</th></tr>\n");
        for (NoteView n : r.notes()) {
            html.append("<tr><td>").append(esc(n.episodeId())).append("</td>");
            cell(Integer.toString(n.step()));
            html.append("<td>").append(esc(n.kind().name())).append("</td><td>").append(esc(n.text()));
            html.append("</td>");
            field(n.place(), n.truth().place(), n.correct().location());
            field(n.action().label(), n.truth().action().label(), n.correct().action());
            field(n.nextPoi(), n.truth().nextPoi(), n.correct().destination());
            cell(num(n.confidence()));
            html.append("<td class=\"").append(n.valid() ? "ok" : "bad").append("\">");
            html.append(n.valid() ? "yes" : "no").append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** The agent's value, green when it matches ground truth, red with the truth beneath when not. */
    private void field(String agent, String truth, boolean correct) {
        html.append("<td class=\"").append(correct ? "ok" : "bad").append("\">").append(esc(agent));
        if (!correct) {
            html.append("<span class=\"truth\">truth: ").append(esc(truth)).append("</span>");
        }
        html.append("</td>");
    }

    private void cell(String number) {
        html.append("<td class=\"num\">").append(esc(number)).append("</td>");
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

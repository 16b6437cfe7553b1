package dev.drivenotes.reporter.report;

import static dev.drivenotes.reporter.html.Html.esc;
import static dev.drivenotes.reporter.html.Html.num;
import static dev.drivenotes.reporter.html.Html.pct;

import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.reporter.html.Html;
import dev.drivenotes.reporter.html.HtmlPage;
import java.util.List;

/**
 * Renders a report as one self-contained HTML page (inline CSS and SVG, no script, nothing
 * external): the summary first (what ran, how it went, what got worse than the previous run), then
 * the note charts, the episodes with their route maps and speed profiles, and every note. Every
 * value that comes from a map, a config or a note is escaped.
 */
final class HtmlReport {

    /** What the report says where a run has no note at all. */
    static final String NO_NOTES = "No notes: the agent reached no junction and no POI.";

    private final StringBuilder html = new StringBuilder(65_536);

    private HtmlReport() {}

    static String render(ExperimentReport report, Figures figures) {
        HtmlReport page = new HtmlReport();
        page.header(report);
        page.summary(report);
        page.charts(report);
        page.html.append(EpisodeSection.render(report, figures));
        page.html.append(failedEpisodes(report));
        page.html.append(NotesTable.render(report));
        return HtmlPage.of("DriveNotes report " + report.experimentId(), page.html.toString());
    }

    private void header(ExperimentReport r) {
        html.append("<h1>DriveNotes report: ").append(esc(r.name())).append("</h1>\n");
        html.append("<p class=\"meta\">Experiment ").append(esc(r.experimentId()));
        html.append(" · ").append(esc(r.status()));
        html.append(" · day ").append(esc(r.day().toString()));
        html.append(" · completed ").append(esc(r.completedAt())).append("</p>\n");
    }

    private void summary(ExperimentReport r) {
        html.append("<h2>Summary</h2>\n<div class=\"grid\"><section><h3>What ran</h3>");
        whatRan(r);
        html.append("</section><section><h3>Compared with the previous run</h3>");
        html.append(ComparisonSection.render(r));
        html.append("</section></div>\n<h3>How it went</h3>\n");
        driving(r.metrics());
        notes(r.metrics());
    }

    /** Who declared the notes' maneuvers, as the config asked it of dreamer-service. */
    static String narrator(ExperimentReport r) {
        return switch (r.narrator()) {
            case "autopilot" -> "autopilot (the autopilot's rule from the planned path declared the maneuvers)";
            case "agent" -> "agent (the driving policy declared its own maneuvers)";
            default -> r.narrator();
        };
    }

    /**
     * Which model served the decisions: the versions the episodes recorded (a dreamer's names its
     * checkpoint); "not recorded" only when no episode recorded one (events from before predict
     * responses named their model).
     */
    static String modelVersion(ExperimentReport r) {
        List<String> versions = r.modelVersions();
        if (versions.size() == 1) {
            return versions.getFirst();
        }
        if (!versions.isEmpty()) {
            return String.join(", then ", versions) + " (the model changed during the run)";
        }
        return "dreamer".equals(r.agent())
                ? "not recorded (episodes driven before predict responses named their model version)"
                : "not recorded (a rule-based agent: no checkpoint)";
    }

    private void whatRan(ExperimentReport r) {
        ExperimentConfig c = r.config();
        html.append("<dl class=\"ran\">");
        term("agent", r.agent());
        term("narrator", narrator(r));
        term("model version", modelVersion(r));
        term("map", r.map());
        term("condition", r.condition());
        term("episodes", c.episodes() + ", seeds " + c.episodeSeeds());
        term(
                "routes",
                c.routes().isEmpty()
                        ? "chosen by each episode's seed"
                        : c.routes().toString());
        term("weather", c.weather());
        term("traffic", c.npcCount() + " background vehicles, aggressiveness " + num(c.npcAggressiveness(), 2));
        term("GNSS noise", num(c.gnssNoiseM(), 1) + " m (standard deviation)");
        term("GNSS dropouts", pct(c.gnssDropoutRate()) + " of steps without a fix");
        term("step limit", c.maxSteps() + " steps of " + num(c.fixedDeltaSeconds(), 3) + " s");
        term("bird's-eye raster", c.birdEyeSizePx() == 0 ? "off" : c.birdEyeSizePx() + " px");
        html.append("</dl>");
    }

    private void term(String name, String value) {
        html.append("<dt>")
                .append(esc(name))
                .append("</dt><dd>")
                .append(esc(value))
                .append("</dd>");
    }

    private void driving(ExperimentReport.Metrics m) {
        Infractions i = m.infractions();
        html.append("<div class=\"cards\">");
        card("driving score", num(m.drivingScore(), 2), i.collisions() + i.redLightRuns() + i.stopSignRuns() > 0);
        card("route completion", pct(m.routeCompletion()), false);
        card(
                "collisions (pedestrian / vehicle / other)",
                m.collisions() + " (" + i.collisionsPedestrian() + " / " + i.collisionsVehicle() + " / "
                        + i.collisionsStatic() + ")",
                m.collisions() > 0);
        card("red lights run", Integer.toString(i.redLightRuns()), i.redLightRuns() > 0);
        card("stop signs run", Integer.toString(i.stopSignRuns()), i.stopSignRuns() > 0);
        card("lane invasions", Integer.toString(m.laneInvasions()), m.laneInvasions() > 0);
        card("episodes off the road", m.offRoadCount() + " of " + m.episodes(), m.offRoadCount() > 0);
        card("mean speed", num(m.meanSpeedMps(), 1) + " m/s", false);
        html.append("</div>\n");
    }

    private void notes(ExperimentReport.Metrics m) {
        Accuracy a = m.accuracy();
        if (m.noteCount() == 0) {
            html.append("<p class=\"empty\">").append(esc(NO_NOTES)).append("</p>\n");
            return;
        }
        html.append("<div class=\"cards\">");
        card("notes", Integer.toString(m.noteCount()), false);
        accuracyCard("location accuracy", a.locationAccuracy(), a.locationCorrect(), m.locationAccuracyInterval(), a);
        accuracyCard("action accuracy", a.actionAccuracy(), a.actionCorrect(), m.actionAccuracyInterval(), a);
        accuracyCard(
                "destination accuracy",
                a.destinationAccuracy(),
                a.destinationCorrect(),
                m.destinationAccuracyInterval(),
                a);
        accuracyCard("all-three accuracy", a.allThreeAccuracy(), a.allThreeCorrect(), m.allThreeAccuracyInterval(), a);
        if (m.locationErrorM() != null) {
            MeanInterval e = m.locationErrorMInterval();
            card(
                    "mean localisation error where notes are placed",
                    num(m.locationErrorM(), 2) + " m, 95 % CI " + num(e.low(), 2) + "–" + num(e.high(), 2) + " m",
                    false);
        }
        card("valid on the map", pct(m.validationRate()), false);
        card("mean confidence", num(m.meanConfidence(), 2), false);
        card("expected calibration error", num(m.expectedCalibrationError(), 3), false);
        html.append("</div>\n");
    }

    /**
     * An accuracy with its count and, after it, {@code , 95 % CI 61.0 %–88.0 %} (nothing for a report
     * stored without intervals).
     */
    private void accuracyCard(String label, Double share, int correct, Interval interval, Accuracy a) {
        String bounds = interval == null ? "" : ", 95 % CI " + pct(interval.low()) + "–" + pct(interval.high());
        card(label, Html.pctOf(share, correct, a.noteCount()) + bounds, false);
    }

    private void card(String label, String value, boolean bad) {
        html.append("<div class=\"card")
                .append(bad ? " bad" : "")
                .append("\"><b>")
                .append(esc(value));
        html.append("</b><span>").append(esc(label)).append("</span></div>");
    }

    private void charts(ExperimentReport r) {
        html.append("<h2>Notes at a glance</h2>\n<div class=\"grid\">");
        String kinds = KindAccuracySvg.render(r.accuracyByKind());
        figure(
                kinds == null ? null : kinds + Html.legend(KindAccuracySvg.SERIES, KindAccuracySvg.COLOURS),
                "Accuracy per note kind: junction traversals and POI arrivals.",
                NO_NOTES);
        figure(
                ConfusionMatrixSvg.render(r.actionConfusion()),
                "Action confusion: the true action (rows) against the declared one (columns); the diagonal is right.",
                "No notes, so no actions to compare.");
        Calibration c = r.calibration();
        figure(
                ReliabilitySvg.render(c),
                "Calibration: all-three accuracy per confidence bin (bars, note counts above) against perfect"
                        + " calibration (dashed); dots mark each bin's mean confidence. Expected calibration error "
                        + num(c.expectedCalibrationError(), 3) + ".",
                "No notes to calibrate.");
        html.append("</div>\n");
    }

    private void figure(String svg, String caption, String empty) {
        html.append("<figure>");
        if (svg == null) {
            html.append("<p class=\"empty\">").append(esc(empty)).append("</p>");
        } else {
            html.append(svg);
        }
        html.append("<figcaption>").append(esc(caption)).append("</figcaption></figure>");
    }

    /** Episodes that could not be driven, each with its reason; nothing when none failed. */
    static String failedEpisodes(ExperimentReport r) {
        if (r.failedEpisodes().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        html.append("<h2>Failed episodes</h2>\n<table><tr><th>episode</th><th>seed</th><th>attempts</th>");
        html.append("<th>reason</th></tr>\n");
        for (EpisodeFailure f : r.failedEpisodes()) {
            html.append("<tr><td>").append(esc(f.episodeId())).append("</td>");
            html.append("<td class=\"num\">").append(f.seed()).append("</td>");
            html.append("<td class=\"num\">").append(f.attempts()).append("</td>");
            html.append("<td>").append(esc(f.reason())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        return html.toString();
    }
}

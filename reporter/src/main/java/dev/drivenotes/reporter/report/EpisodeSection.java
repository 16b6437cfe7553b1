package dev.drivenotes.reporter.report;

import static dev.drivenotes.reporter.html.Html.esc;
import static dev.drivenotes.reporter.html.Html.num;
import static dev.drivenotes.reporter.html.Html.pct;

import dev.drivenotes.model.experiment.Infractions;
import java.util.List;
import java.util.Locale;

/** The episodes table, then each drawn episode's route map (with its legend) and speed profile. */
final class EpisodeSection {

    private final StringBuilder html = new StringBuilder(65_536);

    private EpisodeSection() {}

    static String render(ExperimentReport r, Figures figures) {
        EpisodeSection section = new EpisodeSection();
        section.table(r);
        section.figures(figures);
        return section.html.toString();
    }

    private void table(ExperimentReport r) {
        html.append(
                "<h2>Episodes</h2>\n<div class=\"scroll\"><table><tr><th>episode</th><th>seed</th><th>start → destination</th>");
        html.append("<th>ended</th><th>steps</th><th>route completion</th>");
        html.append("<th>collisions (pedestrian / vehicle / other)</th><th>red lights run</th>");
        html.append("<th>stop signs run</th><th>lane invasions</th><th>mean speed (m/s)</th><th>driving score</th>");
        html.append("<th>notes</th><th>all-three accuracy</th>");
        // which model drove which episode matters only when the run had more than one
        boolean byModel = r.modelVersions().size() > 1;
        html.append(byModel ? "<th>model version</th></tr>\n" : "</tr>\n");
        for (ExperimentReport.Episode e : r.episodes()) {
            Infractions i = e.infractions();
            html.append("<tr><td title=\"").append(esc(e.episodeId())).append("\"><a href=\"#");
            html.append(esc(e.episodeId())).append("\">e").append(e.index()).append("</a></td>");
            cell(Long.toString(e.seed()), false);
            html.append("<td>")
                    .append(esc(e.start()))
                    .append(" → ")
                    .append(esc(e.destination()))
                    .append("</td>");
            html.append("<td>")
                    .append(esc(e.termination().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            html.append("</td>");
            cell(Integer.toString(e.steps()), false);
            cell(pct(e.routeCompletion()), false);
            cell(
                    e.collisions() + " (" + i.collisionsPedestrian() + " / " + i.collisionsVehicle() + " / "
                            + i.collisionsStatic() + ")",
                    e.collisions() > 0);
            cell(Integer.toString(i.redLightRuns()), i.redLightRuns() > 0);
            cell(Integer.toString(i.stopSignRuns()), i.stopSignRuns() > 0);
            cell(Integer.toString(e.laneInvasions()), e.laneInvasions() > 0);
            cell(num(e.meanSpeedMps(), 2), false);
            cell(num(e.drivingScore(), 2), i.collisions() + i.redLightRuns() + i.stopSignRuns() > 0);
            cell(Integer.toString(e.notes()), false);
            cell(pct(e.allThreeAccuracy()), false);
            if (byModel) {
                html.append("<td>")
                        .append(esc(
                                e.modelVersions() == null ? "not recorded" : String.join(", then ", e.modelVersions())))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table></div>\n");
    }

    private void cell(String value, boolean bad) {
        html.append("<td class=\"num")
                .append(bad ? " warn" : "")
                .append("\">")
                .append(esc(value))
                .append("</td>");
    }

    private void figures(Figures figures) {
        problems(figures.problems());
        for (Figures.EpisodeFigure f : figures.episodes()) {
            html.append("<h3 id=\"").append(esc(f.episodeId())).append("\">").append(esc(f.episodeId()));
            html.append(": ")
                    .append(esc(f.start()))
                    .append(" → ")
                    .append(esc(f.destination()))
                    .append("</h3>\n");
            problems(f.problems());
            if (f.track() == null) {
                continue;
            }
            html.append("<div class=\"episode\"><figure>");
            html.append(RouteMapSvg.render(
                    f.episodeId(), figures.places(), f.route(), f.track(), f.start(), f.destination()));
            html.append("<figcaption>Route map: hover a marker for the note (its text and the truth) or the incident.");
            html.append("</figcaption></figure>\n<div>");
            legend(f.track());
            html.append("<figure>").append(SpeedProfileSvg.render(f.episodeId(), f.track()));
            html.append("<figcaption>Speed (solid) and the lane's speed limit (dashed) over simulated time;");
            html.append(" red marks are incidents.</figcaption></figure></div></div>\n");
        }
        if (figures.notDrawn() > 0) {
            html.append("<p class=\"empty\">").append(figures.notDrawn()).append(" more episode(s) not drawn: ");
            html.append("a report draws the first ")
                    .append(FigureSource.MAX_EPISODES_DRAWN)
                    .append(".</p>\n");
        }
    }

    private void legend(EpisodeTrack track) {
        html.append("<div class=\"legend\">");
        symbol("<circle cx=\"5\" cy=\"5\" r=\"5\" fill=\"" + RouteMapSvg.START + "\"/>", "start (S)");
        symbol("<circle cx=\"5\" cy=\"5\" r=\"5\" fill=\"" + RouteMapSvg.DESTINATION + "\"/>", "destination (D)");
        symbol("<rect y=\"3\" width=\"10\" height=\"4\" fill=\"" + RouteMapSvg.ROUTE + "\"/>", "planned route");
        symbol("<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"" + RouteMapSvg.NOTE_RIGHT + "\"/>", "note right");
        symbol("<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"" + RouteMapSvg.NOTE_WRONG + "\"/>", "note wrong");
        symbol("<polygon points=\"5,0 10,5 5,10 0,5\" fill=\"" + RouteMapSvg.COLLISION + "\"/>", "collision");
        symbol(
                "<rect x=\"1\" y=\"1\" width=\"8\" height=\"8\" fill=\"" + RouteMapSvg.RED_LIGHT
                        + "\" stroke=\"#212529\"/>",
                "red light run");
        symbol(
                "<polygon points=\"3,0 7,0 10,3 10,7 7,10 3,10 0,7 0,3\" fill=\"" + RouteMapSvg.STOP_SIGN + "\"/>",
                "stop sign run");
        symbol("<polygon points=\"5,0 10,9 0,9\" fill=\"" + RouteMapSvg.LANE_INVASION + "\"/>", "lane invasion");
        symbol(
                "<rect x=\"1\" y=\"1\" width=\"8\" height=\"8\" fill=\"" + RouteMapSvg.OFF_ROAD + "\"/>",
                "left the road");
        html.append("</div><div class=\"legend\">speed:</div>").append(SpeedColours.legend(track));
        counts(track);
    }

    private void symbol(String shape, String name) {
        html.append("<span><svg class=\"sym\" viewBox=\"0 0 10 10\">")
                .append(shape)
                .append("</svg>");
        html.append(esc(name)).append("</span>");
    }

    private void counts(EpisodeTrack track) {
        long right =
                track.notes().stream().filter(m -> m.note().correct().all()).count();
        html.append("<p class=\"legend\">")
                .append(track.notes().size())
                .append(" note(s) drawn, ")
                .append(right);
        html.append(" right on all three; ").append(track.incidents().size()).append(" incident(s).</p>");
    }

    private void problems(List<String> problems) {
        for (String p : problems) {
            html.append("<p class=\"problem\">").append(esc(p)).append("</p>\n");
        }
    }
}

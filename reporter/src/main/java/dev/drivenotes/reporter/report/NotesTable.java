package dev.drivenotes.reporter.report;

import static dev.drivenotes.reporter.html.Html.esc;
import static dev.drivenotes.reporter.html.Html.num;

/** Every note: the agent's fields, green when they match ground truth, red with the truth beneath. */
final class NotesTable {

    private final StringBuilder html = new StringBuilder(16_384);

    private NotesTable() {}

    static String render(ExperimentReport r) {
        NotesTable table = new NotesTable();
        table.html.append("<h2>Notes</h2>\n");
        if (r.notes().isEmpty()) {
            return table.html
                    .append("<p class=\"empty\">")
                    .append(esc(HtmlReport.NO_NOTES))
                    .append("</p>\n")
                    .toString();
        }
        table.html.append("<table><tr><th>episode</th><th>step</th><th>kind</th><th>note</th><th>place</th>");
        table.html.append("<th>action</th><th>next POI</th><th>confidence</th><th>valid</th></tr>\n");
        for (NoteView n : r.notes()) {
            table.row(n);
        }
        return table.html.append("</table>\n").toString();
    }

    private void row(NoteView n) {
        html.append("<tr><td>")
                .append(esc(n.episodeId()))
                .append("</td><td class=\"num\">")
                .append(n.step());
        html.append("</td><td>")
                .append(esc(n.kind().name()))
                .append("</td><td>")
                .append(esc(n.text()))
                .append("</td>");
        field(n.place(), n.truth().place(), n.correct().location());
        field(n.action().label(), n.truth().action().label(), n.correct().action());
        field(n.nextPoi(), n.truth().nextPoi(), n.correct().destination());
        html.append("<td class=\"num\">").append(esc(num(n.confidence(), 2))).append("</td>");
        html.append("<td class=\"").append(n.valid() ? "ok" : "bad").append("\">");
        html.append(n.valid() ? "yes" : "no").append("</td></tr>\n");
    }

    /** The agent's value, green when it matches ground truth, red with the truth beneath when not. */
    private void field(String agent, String truth, boolean correct) {
        html.append("<td class=\"").append(correct ? "ok" : "bad").append("\">").append(esc(agent));
        if (!correct) {
            html.append("<span class=\"truth\">truth: ").append(esc(truth)).append("</span>");
        }
        html.append("</td>");
    }
}

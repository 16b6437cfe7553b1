package dev.drivenotes.app;

import java.io.PrintStream;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Prints a report's headline figures. */
final class Summary {

    private Summary() {}

    /** A share to two decimals; "n/a" where the report has none (no notes: no denominator). */
    static String share(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.2f", value.asDouble()) : "n/a";
    }

    static void print(PrintStream out, JsonNode report, double seconds) {
        JsonNode m = report.path("metrics");
        out.printf(
                "Experiment %s %s in %.1f s: %d episode(s), %d note(s)%n",
                report.path("experimentId").asString(),
                report.path("status").asString(),
                seconds,
                report.path("episodes").size(),
                report.path("notes").size());
        out.printf(
                "  route completion %.2f | driving score %.2f | location %s | action %s | destination %s"
                        + " | valid %s | confidence %s%n",
                m.path("routeCompletion").asDouble(),
                m.path("drivingScore").asDouble(),
                share(m.path("locationAccuracy")),
                share(m.path("actionAccuracy")),
                share(m.path("destinationAccuracy")),
                share(m.path("validationRate")),
                share(m.path("meanConfidence")));
        for (JsonNode e : report.path("episodes")) {
            JsonNode infractions = e.path("infractions");
            out.printf(
                    "  %s seed %d: %d steps, route %.2f, collisions %d, red lights %d, stop signs %d, score %.2f,"
                            + " %d notes%n",
                    e.path("episodeId").asString(),
                    e.path("seed").asLong(),
                    e.path("steps").asInt(),
                    e.path("routeCompletion").asDouble(),
                    e.path("collisions").asInt(),
                    infractions.path("redLightRuns").asInt(),
                    infractions.path("stopSignRuns").asInt(),
                    e.path("drivingScore").asDouble(),
                    e.path("notes").asInt());
        }
        int shown = 0;
        for (JsonNode n : report.path("notes")) {
            if (shown++ == 3) {
                break;
            }
            out.println("  \"" + n.path("text").asString() + "\"");
        }
    }
}

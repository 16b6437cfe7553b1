package dev.drivenotes.app;

import java.io.PrintStream;
import tools.jackson.databind.JsonNode;

/** Prints a report's headline figures. */
final class Summary {

    private Summary() {}

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
                "  route completion %.2f | driving score %.2f | location %.2f | action %.2f | destination %.2f"
                        + " | valid %.2f | confidence %.2f%n",
                m.path("routeCompletion").asDouble(),
                m.path("drivingScore").asDouble(),
                m.path("locationAccuracy").asDouble(),
                m.path("actionAccuracy").asDouble(),
                m.path("destinationAccuracy").asDouble(),
                m.path("validationRate").asDouble(),
                m.path("meanConfidence").asDouble());
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

package dev.drivenotes.reporter.report;

import dev.drivenotes.reporter.html.Axis;
import dev.drivenotes.reporter.html.LineChart;
import java.util.List;

/**
 * One episode's speed over simulated time with the lane's speed limit (dashed) and a vertical mark
 * at each incident (its kind and step on hover).
 */
final class SpeedProfileSvg {

    static final String SPEED = "#3b5bdb";
    static final String LIMIT = "#868e96";
    static final String INCIDENT = "#c92a2a";

    private SpeedProfileSvg() {}

    static String render(String episodeId, EpisodeTrack track) {
        List<EpisodeTrack.SpeedSample> speed = track.speed();
        double endS = speed.isEmpty() ? 1 : speed.getLast().timeS();
        double topMps = speed.stream()
                .mapToDouble(s -> Math.max(s.speedMps(), s.speedLimitMps()))
                .max()
                .orElse(1);
        LineChart chart = new LineChart(
                "speed profile of " + episodeId,
                520,
                250,
                Axis.upTo("simulated time (s)", endS, 8, Axis::plain),
                Axis.upTo("speed (m/s)", topMps, 4, Axis::plain));
        List<Double> times = speed.stream().map(EpisodeTrack.SpeedSample::timeS).toList();
        chart.line(
                times,
                speed.stream().map(EpisodeTrack.SpeedSample::speedLimitMps).toList(),
                LIMIT,
                true,
                "speed limit");
        chart.line(times, speed.stream().map(EpisodeTrack.SpeedSample::speedMps).toList(), SPEED, false, "speed");
        for (EpisodeTrack.Incident incident : track.incidents()) {
            chart.rule(incident.timeS(), INCIDENT, incident.describe());
        }
        return chart.render();
    }
}

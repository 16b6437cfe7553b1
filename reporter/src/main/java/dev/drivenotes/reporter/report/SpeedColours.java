package dev.drivenotes.reporter.report;

import dev.drivenotes.reporter.html.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a route map colours the driven path by speed: five equal bins from 0 to the episode's top speed. */
final class SpeedColours {

    /** Slow to fast. */
    static final List<String> COLOURS = List.of("#440154", "#3b528b", "#21918c", "#5ec962", "#b5a300");

    private SpeedColours() {}

    static int bin(double speedMps, double topMps) {
        return (int) Math.min(COLOURS.size() - 1, Math.max(0, Math.floor(speedMps / topMps * COLOURS.size())));
    }

    /** The speeds of bin {@code bin}: "3.2–4.8 m/s". */
    static String range(int bin, double topMps) {
        double width = topMps / COLOURS.size();
        return String.format(Locale.ROOT, "%.1f–%.1f m/s", bin * width, (bin + 1) * width);
    }

    /** The speed legend of a track: one entry per bin, slowest first. */
    static String legend(EpisodeTrack track) {
        double top = Math.max(track.topSpeedMps(), 0.1);
        List<String> ranges = new ArrayList<>();
        for (int bin = 0; bin < COLOURS.size(); bin++) {
            ranges.add(range(bin, top));
        }
        return Html.legend(ranges, COLOURS);
    }
}

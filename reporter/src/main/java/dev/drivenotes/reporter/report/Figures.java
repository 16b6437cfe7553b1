package dev.drivenotes.reporter.report;

import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.RoutePath;
import java.util.List;

/**
 * What the report's per-episode figures draw: the map's places (null when carla-runner could not
 * say), and for each drawn episode its track and planned route. What could not be drawn says why.
 *
 * @param places the map's places and roads, null when unavailable
 * @param problems why something is not drawn, for the reader
 * @param episodes the drawn episodes, in episode order
 * @param notDrawn episodes beyond the drawing limit
 */
record Figures(PlaceDirectory places, List<String> problems, List<EpisodeFigure> episodes, int notDrawn) {

    Figures {
        problems = List.copyOf(problems);
        episodes = List.copyOf(episodes);
    }

    /**
     * One episode's figures.
     *
     * @param track its track, null when its trajectory could not be read
     * @param route its planned route, null when unavailable
     * @param problems why something of it is not drawn
     */
    record EpisodeFigure(
            String episodeId,
            String start,
            String destination,
            EpisodeTrack track,
            RoutePath route,
            List<String> problems) {
        EpisodeFigure {
            problems = List.copyOf(problems);
        }
    }
}

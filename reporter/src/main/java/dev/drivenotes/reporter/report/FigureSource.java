package dev.drivenotes.reporter.report;

import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.RoutePath;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.port.ArtifactNotFoundException;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.json.TrajectoryCodec;
import dev.drivenotes.reporter.map.MapGeometryClient;
import dev.drivenotes.reporter.map.MapUnavailableException;
import dev.drivenotes.reporter.store.StoredEpisode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gathers what the report's figures draw: each episode's trajectory from the artifact store, the
 * map's roads and the planned routes from carla-runner. Figures are illustrations of numbers that
 * are already in the report, so a missing trajectory or an unreachable carla-runner leaves a figure
 * out with the reason written in its place (and logged) instead of failing the report.
 */
@Component
class FigureSource {

    /** Episodes drawn at most: beyond this a report says how many it left out. */
    static final int MAX_EPISODES_DRAWN = 20;

    private static final Logger log = LoggerFactory.getLogger(FigureSource.class);

    private final ArtifactStore artifacts;
    private final MapGeometryClient maps;

    FigureSource(ArtifactStore artifacts, MapGeometryClient maps) {
        this.artifacts = artifacts;
        this.maps = maps;
    }

    Figures load(String experimentId, String map, List<StoredEpisode> episodes, List<Note> notes) {
        List<String> problems = new ArrayList<>();
        PlaceDirectory places = null;
        try {
            places = maps.places(map);
        } catch (MapUnavailableException e) {
            problems.add(problem(experimentId, "roads are not drawn", e));
        }
        Map<String, List<Note>> notesByEpisode = notes.stream().collect(Collectors.groupingBy(Note::episodeId));
        List<Figures.EpisodeFigure> drawn = new ArrayList<>();
        for (StoredEpisode episode : episodes.subList(0, Math.min(episodes.size(), MAX_EPISODES_DRAWN))) {
            drawn.add(figure(
                    experimentId,
                    map,
                    episode,
                    notesByEpisode.getOrDefault(episode.summary().episodeId(), List.of())));
        }
        return new Figures(places, problems, drawn, episodes.size() - drawn.size());
    }

    private Figures.EpisodeFigure figure(String experimentId, String map, StoredEpisode episode, List<Note> notes) {
        String id = episode.summary().episodeId();
        String start = episode.summary().start();
        String destination = episode.summary().destination();
        List<String> problems = new ArrayList<>();
        EpisodeTrack track = null;
        try {
            List<StepRecord> steps = TrajectoryCodec.decode(artifacts.get(URI.create(episode.artifactUri())));
            track = EpisodeTrack.of(steps, notes);
        } catch (ArtifactNotFoundException | IllegalArgumentException | UncheckedIOException e) {
            problems.add(problem(experimentId, "trajectory " + episode.artifactUri() + " could not be read", e));
        }
        RoutePath route = null;
        if (track != null) {
            try {
                route = maps.route(map, start, destination);
            } catch (MapUnavailableException e) {
                problems.add(problem(experimentId, "the planned route is not drawn", e));
            }
        }
        return new Figures.EpisodeFigure(id, start, destination, track, route, problems);
    }

    private static String problem(String experimentId, String what, RuntimeException e) {
        log.warn("report of {}: {}: {}", experimentId, what, e.getMessage(), e);
        return what + ": " + e.getMessage();
    }
}

package dev.drivenotes.reporter.store;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.experiment.DrivingScore;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.note.NoteMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/** Episodes as rows of the {@code episodes} table, keyed by episode_id. */
final class EpisodeRows {

    private static final String COLUMNS = """
            episode_id, experiment_id, map, episode_index, seed, steps, termination, route_completion, collisions,
            lane_invasions, off_road, mean_speed_mps, route_length_m, start_place, destination, artifact_uri,
            driving_score, collisions_pedestrian, collisions_vehicle, collisions_static, red_light_runs,
            stop_sign_runs, condition, route_deviations, control_clamps, runner, model_versions_json""";

    private EpisodeRows() {}

    static void upsert(Connection connection, EpisodeCompleted episode, NoteMetrics notes) throws SQLException {
        EpisodeSummary s = episode.summary();
        Object[] values = ScorecardColumns.concat(
                new Object[] {
                    s.episodeId(),
                    episode.experimentId(),
                    episode.map(),
                    s.index(),
                    s.seed(),
                    s.steps(),
                    s.termination().name(),
                    s.routeCompletion(),
                    s.collisions(),
                    s.laneInvasions(),
                    s.offRoad(),
                    s.meanSpeedMps(),
                    s.routeLengthM(),
                    s.start(),
                    s.destination(),
                    episode.artifactUri(),
                    DrivingScore.of(s),
                    s.infractions().collisionsPedestrian(),
                    s.infractions().collisionsVehicle(),
                    s.infractions().collisionsStatic(),
                    s.infractions().redLightRuns(),
                    s.infractions().stopSignRuns(),
                    episode.condition(),
                    s.routeDeviations(),
                    s.controlClamps(),
                    s.runner(),
                    s.modelVersions() == null ? null : Json.mapper().writeValueAsString(s.modelVersions())
                },
                ScorecardColumns.noteValues(notes));
        String sql = "INSERT OR REPLACE INTO episodes (" + COLUMNS + ", "
                + ScorecardColumns.names(ScorecardColumns.NOTE) + ") VALUES ("
                + ScorecardColumns.placeholders(values.length) + ")";
        DuckDb.update(connection, sql, values);
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static List<String> modelVersions(String json) {
        return json == null ? null : Json.mapper().readValue(json, STRINGS);
    }

    static List<StoredEpisode> ofExperiment(Connection connection, String experimentId) throws SQLException {
        String sql = "SELECT " + COLUMNS + ", note_count FROM episodes WHERE experiment_id = ? ORDER BY episode_index";
        List<StoredEpisode> episodes = new ArrayList<>();
        try (PreparedStatement query = DuckDb.bind(connection.prepareStatement(sql), experimentId);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                EpisodeSummary summary = new EpisodeSummary(
                        rs.getString("episode_id"),
                        rs.getInt("episode_index"),
                        rs.getLong("seed"),
                        rs.getInt("steps"),
                        Termination.valueOf(rs.getString("termination")),
                        rs.getDouble("route_completion"),
                        new Infractions(
                                rs.getInt("collisions_pedestrian"),
                                rs.getInt("collisions_vehicle"),
                                rs.getInt("collisions_static"),
                                rs.getInt("red_light_runs"),
                                rs.getInt("stop_sign_runs")),
                        rs.getInt("lane_invasions"),
                        rs.getBoolean("off_road"),
                        rs.getDouble("mean_speed_mps"),
                        rs.getDouble("route_length_m"),
                        rs.getString("start_place"),
                        rs.getString("destination"),
                        rs.getInt("route_deviations"),
                        rs.getInt("control_clamps"),
                        rs.getString("runner"),
                        modelVersions(rs.getString("model_versions_json")));
                episodes.add(new StoredEpisode(
                        rs.getString("experiment_id"),
                        rs.getString("map"),
                        rs.getString("artifact_uri"),
                        summary,
                        rs.getInt("note_count")));
            }
        }
        return episodes;
    }
}

package dev.drivenotes.reporter.store.bigquery;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.DrivingScore;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.note.DrivingMetrics;
import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.Scorecard;
import dev.drivenotes.reporter.store.DailyMetrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows for the BigQuery tables, with insert ids. A row's insert id is a hash of its table and
 * content (without {@code written_at}), so re-processing an event produces the same ids and
 * BigQuery drops the duplicates; the {@code *_latest} views pick the newest version per key.
 */
final class BigQueryRows {

    /** A row and the id BigQuery deduplicates it by. */
    record Row(String table, String insertId, Map<String, Object> values) {}

    private BigQueryRows() {}

    static Row started(String experimentId, ExperimentConfig config, Instant at) {
        Map<String, Object> v = experimentBase(experimentId, config, "RUNNING", at);
        v.put("started_at", at.toString());
        return row(BigQueryTables.EXPERIMENTS, v, at);
    }

    static Row completed(ExperimentCompleted completed, Instant at, Scorecard card) {
        Map<String, Object> v = experimentBase(
                completed.experimentId(), completed.config(), completed.status().name(), at);
        v.put("failure_reason", completed.failureSummary());
        v.put("completed_at", at.toString());
        putNotes(v, card.notes());
        putDriving(v, card.driving());
        return row(BigQueryTables.EXPERIMENTS, v, at);
    }

    static Row failed(String experimentId, String reason, Instant at) {
        return ended(experimentId, "FAILED", reason, "failed_at", at);
    }

    static Row cancelled(String experimentId, String reason, Instant at) {
        return ended(experimentId, "CANCELLED", reason, "cancelled_at", at);
    }

    /** An experiment that ended without a report: its status, why, and when in {@code atColumn}. */
    private static Row ended(String experimentId, String status, String reason, String atColumn, Instant at) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("experiment_id", experimentId);
        v.put("status", status);
        v.put("failure_reason", reason);
        v.put(atColumn, at.toString());
        v.put("day", day(at));
        return row(BigQueryTables.EXPERIMENTS, v, at);
    }

    static Row episode(EpisodeCompleted episode, NoteMetrics notes, Instant at) {
        EpisodeSummary s = episode.summary();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("episode_id", s.episodeId());
        v.put("experiment_id", episode.experimentId());
        v.put("map", episode.map());
        v.put("condition", episode.condition());
        v.put("episode_index", s.index());
        v.put("seed", s.seed());
        v.put("steps", s.steps());
        v.put("termination", s.termination().name());
        v.put("route_completion", s.routeCompletion());
        v.put("collisions", s.collisions());
        v.put("lane_invasions", s.laneInvasions());
        v.put("off_road", s.offRoad());
        v.put("mean_speed_mps", s.meanSpeedMps());
        v.put("route_length_m", s.routeLengthM());
        v.put("start_place", s.start());
        v.put("destination", s.destination());
        v.put("artifact_uri", episode.artifactUri());
        v.put("driving_score", DrivingScore.of(s));
        v.put("collisions_pedestrian", s.infractions().collisionsPedestrian());
        v.put("collisions_vehicle", s.infractions().collisionsVehicle());
        v.put("collisions_static", s.infractions().collisionsStatic());
        v.put("red_light_runs", s.infractions().redLightRuns());
        v.put("stop_sign_runs", s.infractions().stopSignRuns());
        v.put("route_deviations", s.routeDeviations());
        v.put("control_clamps", s.controlClamps());
        if (s.runner() != null) {
            v.put("runner", s.runner());
        }
        v.put("model_versions", s.modelVersions() == null ? List.of() : s.modelVersions());
        putNotes(v, notes);
        return row(BigQueryTables.EPISODES, v, at);
    }

    /** One row per note; {@code note_count} lets the view drop positions a shorter re-run no longer has. */
    static List<Row> notes(String episodeId, int episodeIndex, String condition, List<Note> notes, Instant at) {
        List<Row> rows = new ArrayList<>();
        for (int seq = 0; seq < notes.size(); seq++) {
            Note n = notes.get(seq);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("episode_id", episodeId);
            v.put("seq", seq);
            v.put("experiment_id", n.experimentId());
            v.put("episode_index", episodeIndex);
            v.put("note_count", notes.size());
            v.put("step", n.step());
            v.put("kind", n.kind().name());
            v.put("text", n.text());
            v.put("place", n.place());
            v.put("action", n.action().label());
            v.put("next_poi", n.nextPoi());
            v.put("truth_place", n.truth().place());
            v.put("truth_action", n.truth().action().label());
            v.put("truth_next_poi", n.truth().nextPoi());
            v.put("location_correct", n.correct().location());
            v.put("action_correct", n.correct().action());
            v.put("destination_correct", n.correct().destination());
            v.put("all_correct", n.correct().all());
            v.put("valid", n.valid());
            v.put("confidence", n.confidence());
            v.put("condition", condition);
            if (n.locationErrorM() != null) {
                v.put("location_error_m", n.locationErrorM());
            }
            rows.add(row(BigQueryTables.NOTES, v, at));
        }
        return rows;
    }

    static Row daily(DailyMetrics daily, Instant at) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("day", daily.day().toString());
        v.put("map", daily.map());
        v.put("agent", daily.agent());
        v.put("condition", daily.condition());
        v.put("experiments", daily.experiments());
        putNotes(v, daily.scorecard().notes());
        putDriving(v, daily.scorecard().driving());
        return row(BigQueryTables.METRICS_DAILY, v, at);
    }

    static Row processed(EventEnvelope event, Instant at) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("event_id", event.eventId());
        v.put("type", event.type());
        v.put("experiment_id", event.experimentId());
        v.put("processed_at", at.toString());
        // one row per event, whenever it is marked: the id alone decides the insert id
        return new Row(BigQueryTables.PROCESSED_EVENTS, insertId(BigQueryTables.PROCESSED_EVENTS, event.eventId()), v);
    }

    private static Map<String, Object> experimentBase(
            String experimentId, ExperimentConfig config, String status, Instant at) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("experiment_id", experimentId);
        v.put("name", config.name());
        v.put("map", config.map());
        v.put("agent", config.agent());
        v.put("episodes_planned", config.episodes());
        v.put("status", status);
        v.put("day", config.dayOr(at).toString());
        v.put("config_json", Json.mapper().writeValueAsString(config));
        v.put("condition", Condition.of(config));
        return v;
    }

    private static void putNotes(Map<String, Object> v, NoteMetrics m) {
        v.put("note_count", m.noteCount());
        v.put("location_accuracy", m.locationAccuracy());
        v.put("action_accuracy", m.actionAccuracy());
        v.put("destination_accuracy", m.destinationAccuracy());
        v.put("all_three_accuracy", m.allThreeAccuracy());
        v.put("validation_rate", m.validationRate());
        v.put("mean_confidence", m.meanConfidence());
        v.put("calibration_json", Json.mapper().writeValueAsString(m.calibration()));
    }

    private static void putDriving(Map<String, Object> v, DrivingMetrics d) {
        v.put("episodes", d.episodes());
        v.put("route_completion", d.routeCompletion());
        v.put("collisions", d.collisions());
        v.put("lane_invasions", d.laneInvasions());
        v.put("off_road_count", d.offRoadCount());
        v.put("mean_speed_mps", d.meanSpeedMps());
        v.put("driving_score", d.drivingScore());
    }

    private static Row row(String table, Map<String, Object> values, Instant at) {
        String id = insertId(table, Json.mapper().writeValueAsString(new TreeMap<>(values)));
        values.put(BigQueryTables.WRITTEN_AT, at.toString());
        return new Row(table, id, values);
    }

    static String insertId(String table, String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((table + "\n" + content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }
}

package dev.drivenotes.reporter.store;

import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.note.CalibrationBucket;
import dev.drivenotes.reporter.note.DrivingMetrics;
import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.Scorecard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;

/** The metric columns of {@link DuckDbSchema#NOTE_METRICS} and {@link DuckDbSchema#DRIVING_METRICS}, in order. */
final class ScorecardColumns {

    static final List<String> NOTE = List.of(
            "note_count",
            "location_accuracy",
            "action_accuracy",
            "destination_accuracy",
            "all_three_accuracy",
            "validation_rate",
            "mean_confidence",
            "calibration_json");

    static final List<String> DRIVING = List.of(
            "episodes",
            "route_completion",
            "collisions",
            "lane_invasions",
            "off_road_count",
            "mean_speed_mps",
            "driving_score");

    private ScorecardColumns() {}

    static Object[] noteValues(NoteMetrics m) {
        return new Object[] {
            m.noteCount(),
            m.locationAccuracy(),
            m.actionAccuracy(),
            m.destinationAccuracy(),
            m.allThreeAccuracy(),
            m.validationRate(),
            m.meanConfidence(),
            Json.mapper().writeValueAsString(m.calibration())
        };
    }

    static Object[] drivingValues(DrivingMetrics d) {
        return new Object[] {
            d.episodes(),
            d.routeCompletion(),
            d.collisions(),
            d.laneInvasions(),
            d.offRoadCount(),
            d.meanSpeedMps(),
            d.drivingScore()
        };
    }

    /** The scorecard written by {@link #noteValues} and {@link #drivingValues}, read back from a row. */
    static Scorecard read(ResultSet rs) throws SQLException {
        String calibration = rs.getString("calibration_json");
        NoteMetrics notes = new NoteMetrics(
                rs.getInt("note_count"),
                rs.getDouble("location_accuracy"),
                rs.getDouble("action_accuracy"),
                rs.getDouble("destination_accuracy"),
                rs.getDouble("all_three_accuracy"),
                rs.getDouble("validation_rate"),
                rs.getDouble("mean_confidence"),
                calibration == null ? List.of() : Json.mapper().readValue(calibration, BUCKETS));
        DrivingMetrics driving = new DrivingMetrics(
                rs.getInt("episodes"),
                rs.getDouble("route_completion"),
                rs.getInt("collisions"),
                rs.getInt("lane_invasions"),
                rs.getInt("off_road_count"),
                rs.getDouble("mean_speed_mps"),
                rs.getDouble("driving_score"));
        return new Scorecard(notes, driving);
    }

    private static final TypeReference<List<CalibrationBucket>> BUCKETS = new TypeReference<>() {};

    /** {@code a, b, c} */
    static String names(List<String> columns) {
        return String.join(", ", columns);
    }

    /** {@code a = excluded.a, ...} for ON CONFLICT DO UPDATE. */
    static String fromExcluded(List<String> columns) {
        return String.join(
                ", ", columns.stream().map(c -> c + " = excluded." + c).toList());
    }

    static Object[] concat(Object[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray();
    }

    /** {@code ?, ?, ?} */
    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}

package dev.drivenotes.reporter.store;

import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.note.DrivingMetrics;
import dev.drivenotes.reporter.note.NoteMetrics;
import java.util.List;
import java.util.stream.Stream;

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

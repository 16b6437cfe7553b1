package dev.drivenotes.reporter.store;

import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteFields;
import dev.drivenotes.model.note.NoteKind;
import dev.drivenotes.model.sim.Maneuver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Notes as rows of the {@code notes} table, keyed by (episode_id, seq). */
final class NoteRows {

    private static final String COLUMNS = """
            episode_id, seq, experiment_id, episode_index, step, kind, text, place, action, next_poi,
            truth_place, truth_action, truth_next_poi, location_correct, action_correct, destination_correct,
            all_correct, valid, confidence, condition, location_error_m""";

    private NoteRows() {}

    /** Replaces the episode's notes, each carrying the experiment's condition: upserts each by its position and drops positions beyond the new count. */
    static void replace(Connection connection, String episodeId, int episodeIndex, String condition, List<Note> notes)
            throws SQLException {
        String sql = "INSERT OR REPLACE INTO notes (" + COLUMNS + ") VALUES ("
                + ScorecardColumns.placeholders(COLUMNS.split(",").length) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int seq = 0; seq < notes.size(); seq++) {
                Note n = notes.get(seq);
                DuckDb.bind(
                        insert,
                        episodeId,
                        seq,
                        n.experimentId(),
                        episodeIndex,
                        n.step(),
                        n.kind().name(),
                        n.text(),
                        n.place(),
                        n.action().label(),
                        n.nextPoi(),
                        n.truth().place(),
                        n.truth().action().label(),
                        n.truth().nextPoi(),
                        n.correct().location(),
                        n.correct().action(),
                        n.correct().destination(),
                        n.correct().all(),
                        n.valid(),
                        n.confidence(),
                        condition,
                        n.locationErrorM());
                insert.executeUpdate();
            }
        }
        DuckDb.update(connection, "DELETE FROM notes WHERE episode_id = ? AND seq >= ?", episodeId, notes.size());
    }

    static List<Note> ofExperiment(Connection connection, String experimentId) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM notes WHERE experiment_id = ? ORDER BY episode_index, seq";
        List<Note> notes = new ArrayList<>();
        try (PreparedStatement query = DuckDb.bind(connection.prepareStatement(sql), experimentId);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                notes.add(new Note(
                        rs.getString("experiment_id"),
                        rs.getString("episode_id"),
                        rs.getInt("step"),
                        NoteKind.valueOf(rs.getString("kind")),
                        new NoteFields(
                                rs.getString("place"),
                                Maneuver.fromLabel(rs.getString("action")),
                                rs.getString("next_poi")),
                        new NoteFields(
                                rs.getString("truth_place"),
                                Maneuver.fromLabel(rs.getString("truth_action")),
                                rs.getString("truth_next_poi")),
                        null,
                        rs.getBoolean("valid"),
                        rs.getDouble("confidence"),
                        rs.getObject("location_error_m", Double.class)));
            }
        }
        return notes;
    }
}

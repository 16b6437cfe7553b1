package dev.drivenotes.app;

import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Whether an experiment completed exactly once, read from a stopped suite's data folder: the
 * orchestrator's state (COMPLETED, every episode once, nothing left in its outbox, the report
 * recorded), the trajectories and report, and the reporter's DuckDB file (one episode row per
 * episode, the report's notes and no other, each event handled once: one ExperimentStarted, one
 * EpisodeCompleted per episode, one ExperimentCompleted, one ReportPublished), and no dead letter.
 */
final class ExactlyOnceCheck {

    private ExactlyOnceCheck() {}

    /** What is wrong with the experiment's records; empty when it completed exactly once. */
    static List<String> problems(Path data, String experimentId, int episodes) throws IOException, SQLException {
        List<String> problems = new ArrayList<>();
        JsonNode state = Json.mapper()
                .readTree(data.resolve("orchestrator/experiments/" + experimentId + ".json")
                        .toFile());
        expect(problems, "orchestrator status", "COMPLETED", state.get("status").asString());
        Set<Integer> indices = new HashSet<>();
        state.get("episodes").forEach(e -> indices.add(e.get("index").asInt()));
        expect(
                problems,
                "orchestrator episodes",
                episodes,
                state.get("episodes").size());
        expect(problems, "distinct episode indices", episodes, indices.size());
        expect(problems, "events left in the outbox", 0, state.path("outbox").size());
        if (!state.path("reportUri").asString("").endsWith("report.json")) {
            problems.add("the orchestrator has no report URI");
        }

        Path artifacts = data.resolve("artifacts");
        expect(problems, "trajectories", episodes, count(artifacts.resolve("trajectories/" + experimentId)));
        Path reportFile = artifacts.resolve("reports/" + experimentId + "/report.json");
        if (!Files.isRegularFile(reportFile)) {
            problems.add("no report.json");
            return problems;
        }
        JsonNode report = Json.mapper().readTree(reportFile.toFile());
        Set<String> reportedEpisodes = new HashSet<>();
        report.get("episodes")
                .forEach(e -> reportedEpisodes.add(e.get("episodeId").asString()));
        expect(problems, "report episodes", episodes, report.get("episodes").size());
        expect(problems, "distinct report episodes", episodes, reportedEpisodes.size());
        int notes = report.get("notes").size();

        try (Connection db = duckDb(data.resolve("reporter/drivenotes.duckdb"))) {
            expect(
                    problems,
                    "reporter status",
                    "COMPLETED",
                    single(db, "SELECT status FROM experiments", experimentId));
            expect(
                    problems,
                    "episode rows",
                    (long) episodes,
                    single(db, "SELECT count(*) FROM episodes", experimentId));
            expect(problems, "note rows", (long) notes, single(db, "SELECT count(*) FROM notes", experimentId));
            Map<String, Long> handled = new TreeMap<>();
            String sql = "SELECT type, count(*) FROM processed_events WHERE experiment_id = ? GROUP BY type";
            try (PreparedStatement q = db.prepareStatement(sql)) {
                q.setString(1, experimentId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        handled.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            expect(
                    problems,
                    "events handled by the reporter",
                    Map.of(
                            "EpisodeCompleted", (long) episodes,
                            "ExperimentCompleted", 1L,
                            "ExperimentStarted", 1L,
                            "ReportPublished", 1L),
                    handled);
        }
        expect(problems, "dead letters", 0L, deadLetters(data, experimentId));
        return problems;
    }

    private static Connection duckDb(Path file) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), readOnly);
    }

    private static Object single(Connection db, String select, String experimentId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(select + " WHERE experiment_id = ?")) {
            q.setString(1, experimentId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    private static long deadLetters(Path data, String experimentId) throws IOException {
        Path folder = data.resolve("events/dead-letters");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            long letters = 0;
            for (Path file : files.toList()) {
                letters += Files.readAllLines(file).stream()
                        .filter(line -> line.contains(experimentId))
                        .count();
            }
            return letters;
        }
    }

    private static void expect(List<String> problems, String what, Object expected, Object actual) {
        boolean same = expected instanceof Number e && actual instanceof Number a
                ? e.longValue() == a.longValue()
                : expected.equals(actual);
        if (!same) {
            problems.add(what + ": expected " + expected + ", found " + actual);
        }
    }
}

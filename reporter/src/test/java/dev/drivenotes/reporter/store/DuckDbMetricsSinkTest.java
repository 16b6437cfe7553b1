package dev.drivenotes.reporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentStarted;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.NoteWriter;
import dev.drivenotes.reporter.note.Scorecard;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbMetricsSinkTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final ExperimentConfig CONFIG = ExperimentConfig.of("daily", 2);

    @TempDir
    Path dir;

    private Path file;
    private DuckDbMetricsSink sink;

    @BeforeEach
    void open() {
        file = dir.resolve("reporter/drivenotes.duckdb");
        sink = new DuckDbMetricsSink(file);
    }

    @AfterEach
    void close() {
        sink.close();
    }

    private static EpisodeCompleted episode(int index) {
        EpisodeSummary summary = Fixtures.summary("x1-e" + index, index, Termination.REACHED_DESTINATION);
        return new EpisodeCompleted("x1", "default-town", "file:/tmp/x1-e" + index + ".jsonl.gz", summary);
    }

    private static List<Note> notesOf(EpisodeCompleted episode) {
        return new NoteWriter(Fixtures.MATCHER)
                .write("x1", episode.summary(), Fixtures.leftTurn(Maneuver.TURN_LEFT, null));
    }

    private void record(EpisodeCompleted episode, List<Note> notes) {
        sink.recordEpisode(episode, notes, NoteScorer.score(List.of(episode.summary()), notes));
    }

    @Test
    void keepsOneRowPerNoteWhenTheSameEpisodeIsRecordedTwice() throws Exception {
        EpisodeCompleted e0 = episode(0);
        List<Note> notes = notesOf(e0);

        record(e0, notes);
        record(e0, notes);

        assertThat(sink.notes("x1")).containsExactlyElementsOf(notes);
        assertThat(sink.episodes("x1")).singleElement().satisfies(e -> {
            assertThat(e.summary()).isEqualTo(e0.summary());
            assertThat(e.noteCount()).isEqualTo(3);
            assertThat(e.map()).isEqualTo("default-town");
        });
        sink.close();
        assertThat(count("SELECT count(*) FROM notes")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM episodes")).isEqualTo(1);
        sink = new DuckDbMetricsSink(file);
    }

    @Test
    void dropsNotesThatARecordingNoLongerHas() {
        EpisodeCompleted e0 = episode(0);
        List<Note> notes = notesOf(e0);
        record(e0, notes);

        record(e0, notes.subList(0, 1));

        assertThat(sink.notes("x1")).containsExactly(notes.getFirst());
    }

    @Test
    void readsNotesBackInEpisodeOrder() {
        EpisodeCompleted e1 = episode(1);
        EpisodeCompleted e0 = episode(0);
        record(e1, notesOf(e1));
        record(e0, notesOf(e0));

        assertThat(sink.notes("x1"))
                .extracting(Note::episodeId)
                .containsExactly("x1-e0", "x1-e0", "x1-e0", "x1-e1", "x1-e1", "x1-e1");
        assertThat(sink.episodes("x1")).extracting(e -> e.summary().index()).containsExactly(0, 1);
    }

    @Test
    void movesAnExperimentFromRunningToCompletedOnItsDay() {
        sink.recordStarted("x1", CONFIG, T0);
        assertThat(sink.experiment("x1")).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(ExperimentStatus.RUNNING);
            assertThat(e.agent()).isEqualTo(CONFIG.agent());
        });

        Scorecard card = NoteScorer.score(List.of(), List.of());
        sink.recordCompleted("x1", CONFIG, T0.plusSeconds(60), card);
        sink.recordStarted("x1", CONFIG, T0);

        assertThat(sink.experiment("x1")).map(ExperimentRecord::status).hasValue(ExperimentStatus.COMPLETED);
        assertThat(sink.completedExperiments(LocalDate.parse("2026-11-24"), "default-town", CONFIG.agent()))
                .containsExactly("x1");
        assertThat(sink.completedExperiments(LocalDate.parse("2026-11-25"), "default-town", CONFIG.agent()))
                .isEmpty();
        assertThat(sink.experiment("nope")).isEmpty();
    }

    @Test
    void recordsAFailureEvenWithoutAStart() {
        sink.recordFailed("x2", "carla-runner unreachable", T0);

        assertThat(sink.experiment("x2")).map(ExperimentRecord::status).hasValue(ExperimentStatus.FAILED);
    }

    @Test
    void replacesTheDailyAggregateOfADayMapAndAgent() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-24");
        sink.recordDaily(new DailyMetrics(day, "default-town", "autopilot", 1, NoteScorer.score(List.of(), List.of())));
        sink.recordDaily(new DailyMetrics(day, "default-town", "autopilot", 2, NoteScorer.score(List.of(), List.of())));
        sink.close();

        assertThat(count("SELECT count(*) FROM metrics_daily")).isEqualTo(1);
        assertThat(count("SELECT experiments FROM metrics_daily")).isEqualTo(2);
        sink = new DuckDbMetricsSink(file);
    }

    @Test
    void remembersProcessedEventsAcrossRestarts() {
        EventEnvelope event = EventEnvelope.wrap(new ExperimentStarted("x1", CONFIG), T0);
        assertThat(sink.processed(event.eventId())).isFalse();

        sink.markProcessed(event, T0);
        sink.markProcessed(event, T0.plusSeconds(1));
        sink.close();
        sink = new DuckDbMetricsSink(file);

        assertThat(sink.processed(event.eventId())).isTrue();
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

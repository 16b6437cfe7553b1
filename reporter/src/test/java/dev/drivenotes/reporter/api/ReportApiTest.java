package dev.drivenotes.reporter.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.platform.web.ProblemDetailsAdvice;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.NoteWriter;
import dev.drivenotes.reporter.store.MetricsSink;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({ReportController.class, NotesController.class})
@Import({ProblemDetailsAdvice.class, LocalAdapters.class})
class ReportApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ArtifactStore artifacts;

    @Autowired
    MetricsSink sink;

    @Test
    void servesTheReportJsonAndHtmlFromTheArtifactStore() throws Exception {
        artifacts.put(
                ArtifactKeys.reportJson("x1"),
                "{\"experimentId\":\"x1\"}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        artifacts.put(
                ArtifactKeys.reportHtml("x1"), "<!DOCTYPE html><p>é</p>".getBytes(StandardCharsets.UTF_8), "text/html");

        mvc.perform(get("/v1/reports/x1/report.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.experimentId").value("x1"));
        mvc.perform(get("/v1/reports/x1/report.html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().encoding(StandardCharsets.UTF_8))
                .andExpect(content().bytes("<!DOCTYPE html><p>é</p>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersNotFoundProblemForAnUnknownExperimentsReport() throws Exception {
        mvc.perform(get("/v1/reports/unknown-42/report.json"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.resource").value("report"))
                .andExpect(jsonPath("$.id").value("unknown-42"));
        mvc.perform(get("/v1/reports/unknown-42/report.html")).andExpect(status().isNotFound());
    }

    @Test
    void rejectsAnUnsafeExperimentIdWithABadRequestProblem() throws Exception {
        mvc.perform(get("/v1/reports/..x/report.json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("experimentId"));
    }

    @Test
    void listsTheStoredNotesOfAnExperiment() throws Exception {
        EpisodeSummary summary = Fixtures.summary("n1-e0", 0, Termination.REACHED_DESTINATION);
        List<Note> notes =
                new NoteWriter(Fixtures.MATCHER).write("n1", summary, Fixtures.leftTurn(Maneuver.GO_STRAIGHT, null));
        sink.recordStarted("n1", ExperimentConfig.of("notes", 1), Instant.parse("2026-11-24T09:00:00Z"));
        sink.recordEpisode(
                new EpisodeCompleted("n1", "default-town", "file:/tmp/n1-e0", summary, null),
                notes,
                NoteScorer.score(List.of(summary), notes));

        mvc.perform(get("/v1/experiments/n1/notes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.experimentId").value("n1"))
                .andExpect(jsonPath("$.noteCount").value(3))
                .andExpect(jsonPath("$.notes[1].step").value(14))
                .andExpect(jsonPath("$.notes[1].kind").value("JUNCTION"))
                .andExpect(jsonPath("$.notes[1].action").value("go_straight"))
                .andExpect(jsonPath("$.notes[1].truth.action").value("turn_left"))
                .andExpect(jsonPath("$.notes[1].correct.action").value(false))
                .andExpect(jsonPath("$.notes[1].text").value("At Main & Oak, did go_straight to reach Museum"));
    }

    @Test
    void answersAnEmptyListForAStartedExperimentWithoutNotes() throws Exception {
        sink.recordStarted("n2", ExperimentConfig.of("notes", 1), Instant.parse("2026-11-24T09:00:00Z"));

        mvc.perform(get("/v1/experiments/n2/notes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.noteCount").value(0));
    }

    @Test
    void answersNotFoundProblemForTheNotesOfAnUnknownExperiment() throws Exception {
        mvc.perform(get("/v1/experiments/nope/notes"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.resource").value("experiment"));
    }
}

package dev.drivenotes.reporter.api;

import dev.drivenotes.model.note.Note;
import dev.drivenotes.platform.web.NotFoundException;
import dev.drivenotes.reporter.report.NoteView;
import dev.drivenotes.reporter.store.MetricsSink;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An experiment's notes, as stored so far (episodes appear as they complete). */
@RestController
class NotesController {

    /** The notes of one experiment, by episode then step. */
    record ExperimentNotes(String experimentId, int noteCount, List<NoteView> notes) {}

    private final MetricsSink sink;

    NotesController(MetricsSink sink) {
        this.sink = sink;
    }

    @GetMapping("/v1/experiments/{experimentId}/notes")
    ExperimentNotes notes(@PathVariable String experimentId) {
        List<Note> notes = sink.notes(experimentId);
        if (notes.isEmpty() && sink.experiment(experimentId).isEmpty()) {
            throw new NotFoundException("experiment", experimentId);
        }
        return new ExperimentNotes(
                experimentId, notes.size(), notes.stream().map(NoteView::of).toList());
    }
}

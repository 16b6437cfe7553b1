package dev.drivenotes.reporter.report;

import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.DrivingScore;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.reporter.note.DrivingMetrics;
import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.Scorecard;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds an {@link ExperimentReport} from an experiment's episodes and notes. Pure. */
final class ReportAssembler {

    private ReportAssembler() {}

    static ExperimentReport assemble(
            ExperimentCompleted completed, List<Note> notes, Scorecard scorecard, Instant completedAt) {
        ExperimentConfig config = completed.config();
        List<EpisodeSummary> episodes = completed.episodes();
        Map<String, List<Note>> notesByEpisode = notes.stream().collect(Collectors.groupingBy(Note::episodeId));
        List<ExperimentReport.Episode> rows = episodes.stream()
                .map(e -> episode(e, NoteScorer.scoreNotes(notesByEpisode.getOrDefault(e.episodeId(), List.of()))))
                .toList();
        return new ExperimentReport(
                completed.experimentId(),
                config.name(),
                completed.status().name(),
                config.agent(),
                config.map(),
                completedAt.toString(),
                rows,
                completed.failedEpisodes(),
                metrics(scorecard),
                notes.stream().map(NoteView::of).toList());
    }

    private static ExperimentReport.Episode episode(EpisodeSummary s, NoteMetrics m) {
        return new ExperimentReport.Episode(
                s.episodeId(),
                s.index(),
                s.seed(),
                s.steps(),
                s.termination(),
                s.start(),
                s.destination(),
                s.routeCompletion(),
                s.collisions(),
                s.infractions(),
                s.laneInvasions(),
                s.offRoad(),
                s.meanSpeedMps(),
                s.routeLengthM(),
                DrivingScore.of(s),
                m.noteCount(),
                m.locationAccuracy(),
                m.actionAccuracy(),
                m.destinationAccuracy(),
                m.allThreeAccuracy(),
                m.validationRate(),
                s.controlClamps());
    }

    private static ExperimentReport.Metrics metrics(Scorecard scorecard) {
        NoteMetrics n = scorecard.notes();
        DrivingMetrics d = scorecard.driving();
        return new ExperimentReport.Metrics(
                n.noteCount(),
                n.locationAccuracy(),
                n.actionAccuracy(),
                n.destinationAccuracy(),
                n.allThreeAccuracy(),
                n.validationRate(),
                n.meanConfidence(),
                n.calibration(),
                d.episodes(),
                d.routeCompletion(),
                d.drivingScore(),
                d.collisions(),
                d.laneInvasions(),
                d.offRoadCount(),
                d.meanSpeedMps());
    }
}

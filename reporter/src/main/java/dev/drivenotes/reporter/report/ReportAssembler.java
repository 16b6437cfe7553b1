package dev.drivenotes.reporter.report;

import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.DrivingScore;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.reporter.note.DrivingMetrics;
import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.Scorecard;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds an {@link ExperimentReport} from an experiment's episodes and notes. Pure. */
final class ReportAssembler {

    private ReportAssembler() {}

    static ExperimentReport assemble(
            ExperimentCompleted completed,
            List<Note> notes,
            Scorecard scorecard,
            Instant completedAt,
            Comparison comparedToPrevious) {
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
                Condition.of(config),
                config.narrator(),
                modelVersions(episodes),
                config.dayOr(completedAt),
                completedAt.toString(),
                config,
                rows,
                completed.failedEpisodes(),
                metrics(episodes, scorecard, notes),
                Calibration.of(scorecard.notes().calibration()),
                ActionConfusion.of(notes),
                KindAccuracy.of(notes),
                comparedToPrevious,
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
                Accuracy.share(m, m.locationAccuracy()),
                Accuracy.share(m, m.actionAccuracy()),
                Accuracy.share(m, m.destinationAccuracy()),
                Accuracy.share(m, m.allThreeAccuracy()),
                Accuracy.share(m, m.validationRate()),
                s.controlClamps(),
                s.runner(),
                s.modelVersions());
    }

    /** Every model version the episodes recorded, distinct, in episode order then answer order. */
    static List<String> modelVersions(List<EpisodeSummary> episodes) {
        Set<String> versions = new LinkedHashSet<>();
        episodes.stream()
                .sorted(Comparator.comparingInt(EpisodeSummary::index))
                .map(EpisodeSummary::modelVersions)
                .filter(Objects::nonNull)
                .forEach(versions::addAll);
        return List.copyOf(versions);
    }

    /** The metrics of a set of episodes, the scorecard of their notes and the notes. */
    static ExperimentReport.Metrics metrics(List<EpisodeSummary> episodes, Scorecard scorecard, List<Note> notes) {
        double[] locationErrors = notes.stream()
                .map(Note::locationErrorM)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .toArray();
        NoteMetrics n = scorecard.notes();
        DrivingMetrics d = scorecard.driving();
        Infractions infractions =
                episodes.stream().map(EpisodeSummary::infractions).reduce(Infractions.NONE, Infractions::plus);
        Accuracy accuracy = Accuracy.of(n);
        return new ExperimentReport.Metrics(
                n.noteCount(),
                Accuracy.share(n, n.locationAccuracy()),
                Accuracy.share(n, n.actionAccuracy()),
                Accuracy.share(n, n.destinationAccuracy()),
                Accuracy.share(n, n.allThreeAccuracy()),
                Accuracy.share(n, n.validationRate()),
                Accuracy.share(n, n.meanConfidence()),
                NoteScorer.expectedCalibrationError(n.calibration()),
                accuracy,
                Interval.wilson(accuracy.locationCorrect(), n.noteCount()),
                Interval.wilson(accuracy.actionCorrect(), n.noteCount()),
                Interval.wilson(accuracy.destinationCorrect(), n.noteCount()),
                Interval.wilson(accuracy.allThreeCorrect(), n.noteCount()),
                MeanInterval.mean(locationErrors),
                MeanInterval.bootstrap(locationErrors),
                d.episodes(),
                d.routeCompletion(),
                d.drivingScore(),
                d.collisions(),
                infractions,
                d.laneInvasions(),
                d.offRoadCount(),
                d.meanSpeedMps());
    }
}

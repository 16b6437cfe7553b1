package dev.drivenotes.reporter.daily;

import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.store.DailyMetrics;
import dev.drivenotes.reporter.store.MetricsSink;
import dev.drivenotes.reporter.store.StoredEpisode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Recomputes the daily aggregate of one (day, map, agent, condition) from every experiment completed that day,
 * with the same scorer as the experiment reports. Recomputing from stored rows keeps it idempotent.
 */
@Component
public class DailyRollup {

    private final MetricsSink sink;

    public DailyRollup(MetricsSink sink) {
        this.sink = sink;
    }

    /**
     * Recomputes and records the aggregate of (day, map, agent, condition) from its completed
     * experiments.
     */
    public DailyMetrics update(LocalDate day, String map, String agent, String condition) {
        DailyMetrics daily = compute(day, map, agent, condition, sink.completedExperiments(day, map, agent, condition));
        sink.recordDaily(daily);
        return daily;
    }

    /**
     * The aggregate of (day, map, agent, condition) with {@code experimentId} among its experiments,
     * whether or not it is recorded as completed yet; records nothing.
     */
    public DailyMetrics aggregate(LocalDate day, String map, String agent, String condition, String experimentId) {
        List<String> experiments = new ArrayList<>(sink.completedExperiments(day, map, agent, condition));
        if (!experiments.contains(experimentId)) {
            experiments.add(experimentId);
        }
        return compute(day, map, agent, condition, experiments);
    }

    private DailyMetrics compute(LocalDate day, String map, String agent, String condition, List<String> experiments) {
        List<EpisodeSummary> episodes = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (String experimentId : experiments) {
            sink.episodes(experimentId).stream().map(StoredEpisode::summary).forEach(episodes::add);
            notes.addAll(sink.notes(experimentId));
        }
        return new DailyMetrics(day, map, agent, condition, experiments.size(), NoteScorer.score(episodes, notes));
    }
}

package dev.drivenotes.reporter.report;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ReportPublished;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.announce.Announcer;
import dev.drivenotes.reporter.daily.DailyReporter;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.Scorecard;
import dev.drivenotes.reporter.store.CompletedExperiment;
import dev.drivenotes.reporter.store.MetricsSink;
import dev.drivenotes.reporter.store.StoredEpisode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes an experiment's report once it completed: scores its stored notes, compares it with the
 * previous run of its map and agent, writes report.json and report.html to the artifact store,
 * publishes {@link ReportPublished} and the day's regressions (under ids derived from the
 * ExperimentCompleted event and the regression, so a repeat announces under the same ids), then
 * records the experiment's and the day's metrics with the event in the ledger and rewrites the
 * day's report. Idempotent: a repeat rewrites the same artifacts and rows.
 */
@Component
public class ExperimentReporter {

    static final String JSON_TYPE = "application/json";
    static final String HTML_TYPE = "text/html; charset=utf-8";
    private static final Logger log = LoggerFactory.getLogger(ExperimentReporter.class);

    private final MetricsSink sink;
    private final ArtifactStore artifacts;
    private final FigureSource figures;
    private final DailyReporter daily;
    private final Announcer announcer;
    private final Clock clock;
    private final NoteAccuracyGauges gauges;

    ExperimentReporter(
            MetricsSink sink,
            ArtifactStore artifacts,
            FigureSource figures,
            DailyReporter daily,
            Announcer announcer,
            Clock clock,
            NoteAccuracyGauges gauges) {
        this.sink = sink;
        this.artifacts = artifacts;
        this.figures = figures;
        this.daily = daily;
        this.announcer = announcer;
        this.clock = clock;
        this.gauges = gauges;
    }

    /**
     * Reports a completed experiment; it completed when {@code event} occurred.
     *
     * @throws IllegalStateException when an episode of the experiment has no recorded notes yet (its
     *     EpisodeCompleted was not handled): the event is redelivered later
     */
    public ExperimentReport report(EventEnvelope event, ExperimentCompleted completed) {
        String id = completed.experimentId();
        ExperimentConfig config = completed.config();
        Instant completedAt = event.occurredAt();
        Map<String, StoredEpisode> recorded = sink.episodes(id).stream()
                .collect(Collectors.toMap(e -> e.summary().episodeId(), Function.identity()));
        List<String> missing = completed.episodes().stream()
                .map(EpisodeSummary::episodeId)
                .filter(e -> !recorded.containsKey(e))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("experiment " + id + ": episodes " + missing
                    + " have no recorded notes yet (their EpisodeCompleted was not handled)");
        }
        Set<String> episodeIds =
                completed.episodes().stream().map(EpisodeSummary::episodeId).collect(Collectors.toSet());
        List<Note> notes = sink.notes(id).stream()
                .filter(n -> episodeIds.contains(n.episodeId()))
                .toList();
        Scorecard scorecard = NoteScorer.score(completed.episodes(), notes);
        LocalDate day = config.dayOr(completedAt);
        Comparison previous = previous(id, config, day, completedAt, completed.episodes(), notes, scorecard);
        ExperimentReport report = ReportAssembler.assemble(completed, notes, scorecard, completedAt, previous);

        byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        URI jsonUri = artifacts.put(ArtifactKeys.reportJson(id), json, JSON_TYPE);
        List<StoredEpisode> drawn = completed.episodes().stream()
                .map(e -> recorded.get(e.episodeId()))
                .toList();
        String page = HtmlReport.render(report, figures.load(id, config.map(), drawn, notes));
        URI htmlUri = artifacts.put(ArtifactKeys.reportHtml(id), page.getBytes(StandardCharsets.UTF_8), HTML_TYPE);

        announcer.announce(reportPublished(event, new ReportPublished(id, jsonUri.toString(), htmlUri.toString())));
        String condition = Condition.of(config);
        daily.raiseRegressions(id, day, config.map(), config.agent(), condition);
        sink.recordHandled(event, clock.instant(), () -> {
            sink.recordCompleted(completed, completedAt, scorecard);
            daily.experimentRecorded(day, config.map(), config.agent(), condition);
        });
        gauges.record(id, condition, scorecard.notes());
        gauges.recordLocationError(id, condition, report.metrics().locationErrorM());
        log.info(
                "report of {}: {} notes, all-three accuracy {}, at {}",
                id,
                scorecard.notes().noteCount(),
                report.metrics().allThreeAccuracy(),
                jsonUri);
        return report;
    }

    /** ReportPublished under an id derived from the ExperimentCompleted event's. */
    private EventEnvelope reportPublished(EventEnvelope cause, ReportPublished published) {
        return new EventEnvelope(
                cause.eventId() + "-report",
                null,
                published.experimentId(),
                clock.instant(),
                EventEnvelope.SCHEMA_VERSION,
                published,
                null);
    }

    /** This run against the previous run of its map and agent, recomputed from that run's stored rows. */
    private Comparison previous(
            String id,
            ExperimentConfig config,
            LocalDate day,
            Instant completedAt,
            List<EpisodeSummary> episodes,
            List<Note> notes,
            Scorecard scorecard) {
        Optional<CompletedExperiment> before =
                sink.previousCompleted(config.map(), config.agent(), day, completedAt, id);
        if (before.isEmpty()) {
            return null;
        }
        String previousId = before.get().experimentId();
        List<EpisodeSummary> previousEpisodes =
                sink.episodes(previousId).stream().map(StoredEpisode::summary).toList();
        List<Note> previousNotes = sink.notes(previousId);
        Scorecard previousCard = NoteScorer.score(previousEpisodes, previousNotes);
        return Comparison.between(
                before.get(),
                ReportAssembler.metrics(previousEpisodes, previousCard, previousNotes),
                config,
                ReportAssembler.metrics(episodes, scorecard, notes));
    }
}

package dev.drivenotes.reporter.report;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ReportPublished;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.Scorecard;
import dev.drivenotes.reporter.store.MetricsSink;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes an experiment's report once it completed: scores its stored notes, writes report.json and
 * report.html to the artifact store, publishes {@link ReportPublished} (under an id derived from the
 * ExperimentCompleted event's, so a repeat announces under the same id), then records the
 * experiment's and the day's metrics with the event in the ledger. Idempotent: a repeat rewrites
 * the same artifacts and rows.
 */
@Component
public class ExperimentReporter {

    static final String JSON_TYPE = "application/json";
    static final String HTML_TYPE = "text/html; charset=utf-8";
    private static final long PUBLISH_TIMEOUT_S = 30;
    private static final Logger log = LoggerFactory.getLogger(ExperimentReporter.class);

    private final MetricsSink sink;
    private final ArtifactStore artifacts;
    private final EventPublisher publisher;
    private final DailyRollup daily;
    private final Clock clock;

    ExperimentReporter(
            MetricsSink sink, ArtifactStore artifacts, EventPublisher publisher, DailyRollup daily, Clock clock) {
        this.sink = sink;
        this.artifacts = artifacts;
        this.publisher = publisher;
        this.daily = daily;
        this.clock = clock;
    }

    /**
     * Reports a completed experiment; it completed when {@code event} occurred.
     *
     * @throws IllegalStateException when an episode of the experiment has no recorded notes yet (its
     *     EpisodeCompleted was not handled): the event is redelivered later
     */
    public ExperimentReport report(EventEnvelope event, ExperimentCompleted completed) {
        String id = completed.experimentId();
        Instant completedAt = event.occurredAt();
        Set<String> recorded =
                sink.episodes(id).stream().map(e -> e.summary().episodeId()).collect(Collectors.toSet());
        List<String> missing = completed.episodes().stream()
                .map(EpisodeSummary::episodeId)
                .filter(e -> !recorded.contains(e))
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
        ExperimentReport report = ReportAssembler.assemble(completed, notes, scorecard, completedAt);

        byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        URI jsonUri = artifacts.put(ArtifactKeys.reportJson(id), json, JSON_TYPE);
        byte[] html = HtmlReport.render(report).getBytes(StandardCharsets.UTF_8);
        URI htmlUri = artifacts.put(ArtifactKeys.reportHtml(id), html, HTML_TYPE);

        publish(event, new ReportPublished(id, jsonUri.toString(), htmlUri.toString()));
        sink.recordHandled(event, clock.instant(), () -> {
            sink.recordCompleted(completed, completedAt, scorecard);
            daily.update(
                    LocalDate.ofInstant(completedAt, ZoneOffset.UTC),
                    completed.config().map(),
                    completed.config().agent());
        });
        log.info(
                "report of {}: {} notes, all-three accuracy {}, at {}",
                id,
                scorecard.notes().noteCount(),
                scorecard.notes().allThreeAccuracy(),
                jsonUri);
        return report;
    }

    private void publish(EventEnvelope cause, ReportPublished event) {
        EventEnvelope envelope = new EventEnvelope(
                cause.eventId() + "-report",
                null,
                event.experimentId(),
                clock.instant(),
                EventEnvelope.SCHEMA_VERSION,
                event);
        try {
            publisher
                    .publish(envelope)
                    .orTimeout(PUBLISH_TIMEOUT_S, TimeUnit.SECONDS)
                    .join();
        } catch (CompletionException e) {
            throw new IllegalStateException(
                    "ReportPublished " + envelope.eventId() + " for " + event.experimentId() + " was not accepted",
                    e.getCause());
        }
    }
}

package dev.drivenotes.reporter.ingest;

import dev.drivenotes.model.event.AccuracyRegression;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EpisodeFailed;
import dev.drivenotes.model.event.EpisodeRequested;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCancelled;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ExperimentFailed;
import dev.drivenotes.model.event.ExperimentStarted;
import dev.drivenotes.model.event.ReportPublished;
import dev.drivenotes.model.event.RunnerProgress;
import dev.drivenotes.model.port.EventHandler;
import dev.drivenotes.reporter.report.ExperimentReporter;
import dev.drivenotes.reporter.store.MetricsSink;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles every event of the {@code reporter} subscription, once per event id: a redelivered event
 * that was handled before is a no-op. What an event records goes into the store together with its
 * ledger entry ({@link MetricsSink#recordHandled}). A failure propagates, so the bus redelivers the
 * event.
 */
@Component
class ReporterEventHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ReporterEventHandler.class);

    private final MetricsSink sink;
    private final EpisodeIngest episodes;
    private final ExperimentReporter reporter;
    private final Clock clock;

    ReporterEventHandler(MetricsSink sink, EpisodeIngest episodes, ExperimentReporter reporter, Clock clock) {
        this.sink = sink;
        this.episodes = episodes;
        this.reporter = reporter;
        this.clock = clock;
    }

    @Override
    public void handle(EventEnvelope event) {
        if (sink.processed(event.eventId())) {
            log.debug("{} {} already handled", event.type(), event.eventId());
            return;
        }
        Instant now = clock.instant();
        switch (event.payload()) {
            case ExperimentStarted started ->
                sink.recordHandled(
                        event,
                        now,
                        () -> sink.recordStarted(started.experimentId(), started.config(), event.occurredAt()));
            case EpisodeCompleted episode -> episodes.ingest(event, episode, now);
            case ExperimentCompleted completed -> reporter.report(event, completed);
            case ExperimentFailed failed ->
                sink.recordHandled(
                        event,
                        now,
                        () -> sink.recordFailed(failed.experimentId(), failed.reason(), event.occurredAt()));
            case ExperimentCancelled cancelled ->
                // no report follows and no episode is waited for: the episodes recorded so far stay
                sink.recordHandled(
                        event,
                        now,
                        () -> sink.recordCancelled(cancelled.experimentId(), cancelled.reason(), event.occurredAt()));
            case ReportPublished published ->
                sink.recordHandled(event, now, () -> {
                    // our own announcement: nothing to record but the ledger entry
                });
            case EpisodeRequested requested -> {
                // work for the runners; the episode reaches the reporter as EpisodeCompleted
            }
            case EpisodeFailed failed -> {
                // an episode without a trajectory: ExperimentCompleted names it among the failures
            }
            case RunnerProgress progress -> {
                // live progress for the orchestrator's displays: nothing to record
            }
            case AccuracyRegression regression ->
                sink.recordHandled(event, now, () -> {
                    // our own announcement: nothing to record but the ledger entry
                });
        }
    }
}

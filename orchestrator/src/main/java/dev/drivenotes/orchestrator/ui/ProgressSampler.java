package dev.drivenotes.orchestrator.ui;

import dev.drivenotes.orchestrator.clients.ReporterClient;
import dev.drivenotes.orchestrator.clients.ReporterClient.NoteTally;
import dev.drivenotes.orchestrator.experiment.Experiment;
import dev.drivenotes.orchestrator.experiment.ExperimentService;
import dev.drivenotes.platform.remote.RemoteServiceException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the progress of the experiments one dashboard stream follows. Steps per second come from
 * the difference between two samples of the steps this instance drove; the running accuracy from the
 * reporter's notes, asked again when an episode finished, when the experiment ended, or when {@link
 * #ACCURACY_REFRESH} passed (the reporter scores an episode shortly after it completes).
 * Not thread-safe: one stream samples from one thread.
 */
final class ProgressSampler {

    static final Duration ACCURACY_REFRESH = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ProgressSampler.class);

    private record StepSample(long steps, long nanos) {}

    private record AccuracySample(int episodesCompleted, boolean live, long nanos, LiveAccuracy value) {}

    /** What the stream says about accuracy. */
    record LiveAccuracy(Integer notes, Double accuracy, String text) {

        /** {@code live}: the experiment may still get notes ("no notes yet" rather than "no notes"). */
        static LiveAccuracy of(Optional<NoteTally> tally, boolean live) {
            if (tally.isEmpty() || tally.get().notes() == 0) {
                return new LiveAccuracy(
                        tally.map(NoteTally::notes).orElse(null), null, live ? "no notes yet" : "no notes");
            }
            NoteTally t = tally.get();
            double share = t.accuracy().orElseThrow();
            return new LiveAccuracy(
                    t.notes(),
                    share,
                    Math.round(share * 100) + " % of " + t.notes() + " note" + (t.notes() == 1 ? "" : "s"));
        }
    }

    private final ExperimentService experiments;
    private final ReporterClient reporter;
    private final LongSupplier nanoTime;
    private final Map<String, StepSample> steps = new HashMap<>();
    private final Map<String, AccuracySample> accuracy = new HashMap<>();

    ProgressSampler(ExperimentService experiments, ReporterClient reporter, LongSupplier nanoTime) {
        this.experiments = experiments;
        this.reporter = reporter;
        this.nanoTime = nanoTime;
    }

    /** The experiment's progress now; throws {@code NotFoundException} for an unknown id. */
    LiveProgress sample(String id) {
        Experiment e = experiments.get(id);
        long now = nanoTime.getAsLong();
        boolean live = !e.status().terminal();
        LiveAccuracy notes = accuracy(id, e.episodes().size(), live, now);
        return new LiveProgress(
                id,
                e.status().name(),
                live,
                e.episodes().size(),
                e.config().episodes(),
                stepsPerSecond(id, experiments.stepsDriven(id), now),
                notes.notes(),
                notes.accuracy(),
                notes.text(),
                e.reportUri() == null ? null : reporter.reportHtml(id).toString());
    }

    private Double stepsPerSecond(String id, long driven, long now) {
        if (driven < 0) {
            steps.remove(id);
            return null;
        }
        StepSample previous = steps.put(id, new StepSample(driven, now));
        return previous == null ? null : rate(previous.steps(), previous.nanos(), driven, now);
    }

    /** Steps per second between two samples; null when no time passed or the count went back (a restart). */
    static Double rate(long stepsBefore, long nanosBefore, long stepsNow, long nanosNow) {
        long elapsed = nanosNow - nanosBefore;
        if (elapsed <= 0 || stepsNow < stepsBefore) {
            return null;
        }
        return (stepsNow - stepsBefore) * 1e9 / elapsed;
    }

    private LiveAccuracy accuracy(String id, int episodesCompleted, boolean live, long now) {
        AccuracySample last = accuracy.get(id);
        boolean fresh = last != null
                && last.episodesCompleted() == episodesCompleted
                && last.live() == live
                && now - last.nanos() < ACCURACY_REFRESH.toNanos();
        if (fresh) {
            return last.value();
        }
        LiveAccuracy value;
        try {
            value = LiveAccuracy.of(reporter.noteTally(id), live);
        } catch (RemoteServiceException e) {
            log.warn("dashboard: cannot read the notes of {} from the reporter: {}", id, e.getMessage());
            value = new LiveAccuracy(null, null, "reporter unavailable");
        }
        accuracy.put(id, new AccuracySample(episodesCompleted, live, now, value));
        return value;
    }
}

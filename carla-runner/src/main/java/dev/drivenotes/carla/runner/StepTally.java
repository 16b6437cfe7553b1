package dev.drivenotes.carla.runner;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.RunnerProgress;
import dev.drivenotes.model.port.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps this runner drove per experiment, announced as {@link RunnerProgress} at most every {@code
 * every} for the experiments that advanced since: live progress only, best effort (a refused
 * announcement is logged and replaced by the next). Used by the loop's thread only.
 */
final class StepTally {

    private static final Logger log = LoggerFactory.getLogger(StepTally.class);

    private final EventPublisher events;
    private final String runner;
    private final Duration every;
    private final Clock clock;
    private final Map<String, Long> steps = new HashMap<>();
    /** The latest work item per experiment: the announcement goes out in its trace. */
    private final Map<String, Assignment> latest = new HashMap<>();

    private final Set<String> advanced = new LinkedHashSet<>();
    private long lastAnnouncedNanos = System.nanoTime();

    StepTally(EventPublisher events, String runner, Duration every, Clock clock) {
        this.events = events;
        this.runner = runner;
        this.every = every;
        this.clock = clock;
    }

    void stepped(Assignment assignment) {
        String experimentId = assignment.request().experimentId();
        steps.merge(experimentId, 1L, Long::sum);
        latest.put(experimentId, assignment);
        advanced.add(experimentId);
    }

    /** Announces the experiments that advanced, when {@code every} has passed since the last time. */
    void announceDue() {
        long now = System.nanoTime();
        if (advanced.isEmpty() || now - lastAnnouncedNanos < every.toNanos()) {
            return;
        }
        lastAnnouncedNanos = now;
        for (String experimentId : advanced) {
            RunnerProgress progress = new RunnerProgress(experimentId, runner, steps.get(experimentId));
            EventEnvelope event = latest.get(experimentId).traced(EventEnvelope.wrap(progress, clock.instant()));
            events.publish(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    log.warn("progress of experiment {} not announced: {}", experimentId, failure.toString());
                }
            });
        }
        advanced.clear();
        latest.clear();
    }
}

package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EpisodeFailed;
import dev.drivenotes.model.event.RunnerProgress;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.orchestrator.clients.SimulatorClient;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.web.ConflictException;
import dev.drivenotes.platform.web.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Coordinates experiments: accepts them, hands their episodes to the runners as work items, records
 * each episode's outcome as the runners announce it, and completes an experiment exactly once, when
 * its last episode is recorded, on whichever instance records it. Every state change that others
 * must hear about is stored with its events (the experiment's outbox: ExperimentStarted and the
 * work items at acceptance, ExperimentCompleted with the last outcome) and published after it by
 * the {@link OutboxRelay}: a crash between the two loses no event. No correctness state lives in
 * this instance's memory (only live progress does), so several instances may share the store.
 */
@Service
public class ExperimentService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExperimentService.class);
    private static final DateTimeFormatter ID_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Duration OUTBOX_RETRY = Duration.ofSeconds(15);

    private final ExperimentStore store;
    private final SimulatorClient simulator;
    private final OutboxRelay outbox;
    private final Clock clock;
    /** Steps each runner announced per unfinished experiment: live progress only, never stored. */
    private final Map<String, Map<String, Long>> stepsDriven = new ConcurrentHashMap<>();

    private final ExperimentMeters meters;

    /**
     * @param telemetry stamps the events with the trace they were published in
     * @param meters where {@link ExperimentMeters} count experiments and episodes
     */
    public ExperimentService(
            ExperimentStore store,
            SimulatorClient simulator,
            EventPublisher events,
            Clock clock,
            EventTelemetry telemetry,
            MeterRegistry meters) {
        this.store = store;
        this.simulator = simulator;
        this.outbox = new OutboxRelay(store, telemetry.publisher(events), OUTBOX_RETRY);
        this.clock = clock;
        this.meters = new ExperimentMeters(meters);
    }

    /** What {@link #submitOnce} did: {@code created} is false when the id already had its experiment. */
    public record Submitted(Experiment experiment, boolean created) {}

    /** Validates, persists (with its ExperimentStarted and work items) and announces an experiment. */
    public Experiment submit(ExperimentConfig config) {
        SubmissionCheck.check(simulator, config);
        String id = "exp-" + ID_DATE.format(clock.instant()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Experiment experiment = Experiment.accepted(id, config, clock.instant());
        if (!store.create(experiment)) {
            throw new IllegalStateException("experiment id " + id + " is taken");
        }
        return started(experiment);
    }

    /**
     * Like {@link #submit} under a caller-chosen id, once: when the id already has an experiment
     * (a retry, or a second caller), that one is returned and nothing new starts.
     */
    public Submitted submitOnce(String id, ExperimentConfig config) {
        Optional<Experiment> existing = store.find(id);
        if (existing.isPresent()) {
            return new Submitted(existing.get(), false);
        }
        SubmissionCheck.check(simulator, config);
        Experiment experiment = Experiment.accepted(id, config, clock.instant());
        if (!store.create(experiment)) {
            return new Submitted(get(id), false);
        }
        return new Submitted(started(experiment), true);
    }

    /** Publishes the new experiment's outbox (its work items among it); it is RUNNING from then on. */
    private Experiment started(Experiment experiment) {
        meters.entered(ExperimentStatus.PENDING);
        ExperimentConfig config = experiment.config();
        log.info(
                "experiment {} '{}' accepted: {} episodes on {}",
                experiment.id(),
                config.name(),
                config.episodes(),
                config.map());
        outbox.relay(experiment.id());
        return change(experiment.id(), e -> e.status() == ExperimentStatus.PENDING ? e.running(clock.instant()) : e);
    }

    public Experiment get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    public List<Experiment> list() {
        return store.all();
    }

    /**
     * Steps the runners announced for the experiment while it runs (their latest announcements,
     * summed), or -1 when none announced any yet or it is finished.
     */
    public long stepsDriven(String id) {
        Map<String, Long> byRunner = stepsDriven.get(id);
        return byRunner == null
                ? -1
                : byRunner.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A runner's progress announcement (best effort: only the displays read it). */
    public void progressed(RunnerProgress progress) {
        if (store.find(progress.experimentId()).map(e -> !e.status().terminal()).orElse(false)) {
            stepsDriven
                    .computeIfAbsent(progress.experimentId(), id -> new ConcurrentHashMap<>())
                    .merge(progress.runner(), progress.steps(), Math::max);
        }
    }

    /** Records an episode a runner finished (idempotent by index); the last one completes the experiment. */
    public void episodeCompleted(EpisodeCompleted episode) {
        if (store.find(episode.experimentId()).isEmpty()) {
            log.warn(
                    "episode {} of an unknown experiment ignored",
                    episode.summary().episodeId());
            return;
        }
        Experiment before = get(episode.experimentId());
        Experiment after = change(episode.experimentId(), e -> e.withEpisode(episode, clock.instant()));
        if (after.episodes().size() > before.episodes().size()) {
            meters.episodeEnded(episode.summary().termination());
        }
        settled(after);
    }

    /** Records an episode that failed every attempt (idempotent by index), like {@link #episodeCompleted}. */
    public void episodeFailed(EpisodeFailed failed) {
        if (store.find(failed.experimentId()).isEmpty()) {
            log.warn("failure of episode {} of an unknown experiment ignored", failed.episodeId());
            return;
        }
        settled(change(failed.experimentId(), e -> e.withFailedEpisode(failed.failure(), clock.instant())));
    }

    private void settled(Experiment experiment) {
        if (experiment.status().terminal()) {
            stepsDriven.remove(experiment.id());
        }
    }

    /** Cancels an unfinished experiment: ExperimentCancelled goes out, the runners drop its episodes. */
    public Experiment cancel(String id) {
        Experiment current = get(id);
        if (current.status().terminal()) {
            throw new ConflictException("experiment " + id + " is already " + current.status());
        }
        Experiment cancelled = change(id, e -> e.cancelled(clock.instant()));
        stepsDriven.remove(id);
        return cancelled;
    }

    /** Records where the reporter wrote the report (idempotent: the same URI again changes nothing). */
    public void reportPublished(String id, String uri) {
        if (store.find(id).isPresent()) {
            store.update(id, e -> e.withReport(uri, clock.instant()));
        }
    }

    /**
     * After a restart: publishes what every experiment's outbox still holds (a crash between a state
     * change and its publication). The episodes themselves need nothing: their work items wait on the
     * bus until a runner acknowledges them, and their outcomes until this service recorded them.
     *
     * @return how many experiments are unfinished
     */
    public int resumeUnfinished() {
        List<Experiment> all = store.all();
        all.stream().filter(e -> !e.outbox().isEmpty()).forEach(e -> {
            log.info(
                    "experiment {}: publishing {} event(s) left in its outbox",
                    e.id(),
                    e.outbox().size());
            outbox.relay(e.id());
            if (e.status() == ExperimentStatus.PENDING) {
                change(e.id(), x -> x.status() == ExperimentStatus.PENDING ? x.running(clock.instant()) : x);
            }
        });
        List<Experiment> unfinished =
                all.stream().filter(e -> !e.status().terminal()).toList();
        unfinished.forEach(e -> log.info(
                "experiment {} unfinished: {} of {} episodes recorded",
                e.id(),
                e.episodes().size() + e.failedEpisodes().size(),
                e.config().episodes()));
        return unfinished.size();
    }

    /** Applies a transition in the store, then publishes the events it put in the outbox. */
    private Experiment change(String id, UnaryOperator<Experiment> transition) {
        ExperimentStatus before = store.find(id).map(Experiment::status).orElse(null);
        Experiment next = store.update(id, transition);
        if (next.status() != before) {
            meters.entered(next.status());
            if (next.status().terminal()) {
                log.info(
                        "experiment {} {}{}",
                        id,
                        next.status(),
                        next.failureReason() == null ? "" : ": " + next.failureReason());
            }
        }
        outbox.relay(id);
        return next;
    }

    @Override
    public void destroy() {
        outbox.close();
    }
}

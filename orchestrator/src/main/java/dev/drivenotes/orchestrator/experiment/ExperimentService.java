package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.orchestrator.OrchestratorProperties;
import dev.drivenotes.orchestrator.clients.SimulatorClient;
import dev.drivenotes.orchestrator.episode.EpisodeDriver;
import dev.drivenotes.orchestrator.episode.EpisodeListener;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.observability.LogContext;
import dev.drivenotes.platform.web.ConflictException;
import dev.drivenotes.platform.web.NotFoundException;
import io.micrometer.context.ContextExecutorService;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Accepts experiments, runs them on a bounded pool, and keeps their state in the store. Every state
 * change that others must hear about is stored with its event (the experiment's outbox) and
 * published after it by the {@link OutboxRelay}: a crash between the two loses no event.
 */
@Service
public class ExperimentService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExperimentService.class);
    private static final DateTimeFormatter ID_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Duration OUTBOX_RETRY = Duration.ofSeconds(15);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ExperimentStore store;
    private final EpisodeDriver driver;
    private final SimulatorClient simulator;
    private final OutboxRelay outbox;
    private final Clock clock;
    private final ExecutorService runner;
    /** Steps driven by this instance per experiment while it drives it: live progress only, never stored. */
    private final Map<String, LongAdder> stepsDriven = new ConcurrentHashMap<>();

    private final ExperimentMeters meters;
    private volatile boolean stopping;

    /**
     * @param telemetry stamps the events with the trace they were published in
     * @param meters where {@link ExperimentMeters} count experiments and episodes
     */
    public ExperimentService(
            ExperimentStore store,
            EpisodeDriver driver,
            SimulatorClient simulator,
            EventPublisher events,
            Clock clock,
            OrchestratorProperties properties,
            EventTelemetry telemetry,
            MeterRegistry meters) {
        this.store = store;
        this.driver = driver;
        this.simulator = simulator;
        this.outbox = new OutboxRelay(store, telemetry.publisher(events), OUTBOX_RETRY);
        this.clock = clock;
        // an experiment runs in the trace (and logs with the ids) of the request that started it
        this.runner = ContextExecutorService.wrap(Executors.newFixedThreadPool(
                properties.maxConcurrentExperiments(),
                Thread.ofPlatform().name("experiment-", 0).factory()));
        this.meters = new ExperimentMeters(meters);
    }

    /** What {@link #submitOnce} did: {@code created} is false when the id already had its experiment. */
    public record Submitted(Experiment experiment, boolean created) {}

    /** Validates, persists (with its ExperimentStarted), announces and schedules an experiment. */
    public Experiment submit(ExperimentConfig config) {
        SubmissionCheck.check(simulator, config);
        String id = "exp-" + ID_DATE.format(clock.instant()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Experiment experiment = Experiment.accepted(id, config, clock.instant());
        if (!store.create(experiment)) {
            throw new IllegalStateException("experiment id " + id + " is taken");
        }
        started(experiment);
        return experiment;
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
        started(experiment);
        return new Submitted(experiment, true);
    }

    private void started(Experiment experiment) {
        meters.entered(ExperimentStatus.PENDING);
        outbox.relay(experiment.id());
        schedule(experiment.id());
        ExperimentConfig config = experiment.config();
        log.info(
                "experiment {} '{}' accepted: {} episodes on {}",
                experiment.id(),
                config.name(),
                config.episodes(),
                config.map());
    }

    public Experiment get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    public List<Experiment> list() {
        return store.all();
    }

    /**
     * Steps this instance has driven for the experiment since it started driving it here, or -1 when
     * it is not driving it (not started, finished, or driven elsewhere).
     */
    public long stepsDriven(String id) {
        LongAdder steps = stepsDriven.get(id);
        return steps == null ? -1 : steps.sum();
    }

    /** Cancels an unfinished experiment: its driver stops at the next tick, ExperimentCancelled goes out. */
    public Experiment cancel(String id) {
        Experiment current = get(id);
        if (current.status().terminal()) {
            throw new ConflictException("experiment " + id + " is already " + current.status());
        }
        return change(id, e -> e.cancelled(clock.instant()));
    }

    /** Records where the reporter wrote the report (idempotent: the same URI again changes nothing). */
    public void reportPublished(String id, String uri) {
        if (store.find(id).isPresent()) {
            store.update(id, e -> e.withReport(uri, clock.instant()));
        }
    }

    /**
     * After a restart: publishes what every experiment's outbox still holds (a crash between a state
     * change and its publication), then resumes every experiment that was PENDING or RUNNING.
     *
     * @return how many experiments were resumed
     */
    public int resumeUnfinished() {
        List<Experiment> all = store.all();
        all.stream().filter(e -> !e.outbox().isEmpty()).forEach(e -> {
            log.info(
                    "experiment {}: publishing {} event(s) left in its outbox",
                    e.id(),
                    e.outbox().size());
            outbox.relay(e.id());
        });
        List<Experiment> unfinished =
                all.stream().filter(e -> !e.status().terminal()).toList();
        unfinished.forEach(e -> {
            log.info(
                    "resuming experiment {} ({} of {} episodes done)",
                    e.id(),
                    e.episodes().size(),
                    e.config().episodes());
            schedule(e.id());
        });
        return unfinished.size();
    }

    private void schedule(String id) {
        runner.execute(() -> run(id));
    }

    /** Applies a transition in the store, then publishes the events it put in the outbox. */
    private Experiment change(String id, UnaryOperator<Experiment> transition) {
        ExperimentStatus before = store.find(id).map(Experiment::status).orElse(null);
        Experiment next = store.update(id, transition);
        if (next.status() != before) {
            meters.entered(next.status());
        }
        outbox.relay(id);
        return next;
    }

    void run(String id) {
        try (MDC.MDCCloseable mdc = MDC.putCloseable(LogContext.EXPERIMENT_ID, id)) {
            drive(id);
        }
    }

    private void drive(String id) {
        ExperimentStatus before = store.find(id).map(Experiment::status).orElse(null);
        Experiment experiment = store.update(id, e -> e.status().terminal() ? e : e.running(clock.instant()));
        if (experiment.status() != ExperimentStatus.RUNNING) {
            return;
        }
        if (before != ExperimentStatus.RUNNING) {
            meters.entered(ExperimentStatus.RUNNING);
        }
        List<Integer> todo = IntStream.range(0, experiment.config().episodes())
                .filter(i -> !experiment.episodeDone(i))
                .boxed()
                .toList();
        LongAdder steps = new LongAdder();
        stepsDriven.put(id, steps);
        EpisodeListener listener = new EpisodeListener() {
            @Override
            public void episodeCompleted(EpisodeCompleted episode) {
                change(id, e -> e.withEpisode(episode, clock.instant()));
                meters.episodeEnded(episode.summary().termination());
            }

            @Override
            public void stepped(int count) {
                steps.add(count);
            }
        };
        try {
            EpisodeDriver.Outcome outcome = driver.drive(
                    id,
                    experiment.config(),
                    todo,
                    listener,
                    () -> stopping || get(id).status() == ExperimentStatus.CANCELLED);
            if (outcome.stopped()) {
                log.info(
                        "experiment {} {}",
                        id,
                        stopping ? "stopped by shutdown; it resumes on the next start" : "cancelled");
                return;
            }
            Experiment done = change(id, e -> e.completed(outcome.failures(), clock.instant()));
            if (outcome.failures().isEmpty()) {
                log.info("experiment {} completed", id);
            } else {
                log.warn("experiment {} completed with failures: {}", id, done.failureReason());
            }
        } catch (RuntimeException e) {
            if (stopping || get(id).status().terminal()) {
                log.info("experiment {} interrupted ({}); state {}", id, e.getMessage(), get(id).status());
                return;
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.error("experiment {} failed: {}", id, reason, e);
            change(id, x -> x.failed(reason, clock.instant()));
        } finally {
            stepsDriven.remove(id);
        }
    }

    /**
     * Stops driving: every running experiment stops at its next tick and stays RUNNING (it resumes on
     * the next start); after a grace period the threads are interrupted.
     */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        runner.shutdown();
        if (!runner.awaitTermination(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            runner.shutdownNow();
            runner.awaitTermination(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        }
        outbox.close();
    }
}

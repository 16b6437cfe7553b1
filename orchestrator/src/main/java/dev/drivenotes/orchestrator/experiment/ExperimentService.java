package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ExperimentFailed;
import dev.drivenotes.model.event.ExperimentStarted;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.orchestrator.OrchestratorProperties;
import dev.drivenotes.orchestrator.clients.SimulatorClient;
import dev.drivenotes.orchestrator.episode.EpisodeDriver;
import dev.drivenotes.platform.web.ConflictException;
import dev.drivenotes.platform.web.NotFoundException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/** Accepts experiments, runs them on a bounded pool, and keeps their state in the store. */
@Service
public class ExperimentService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExperimentService.class);
    private static final DateTimeFormatter ID_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ExperimentStore store;
    private final EpisodeDriver driver;
    private final SimulatorClient simulator;
    private final EventPublisher events;
    private final Clock clock;
    private final ExecutorService runner;
    private volatile boolean stopping;

    public ExperimentService(
            ExperimentStore store,
            EpisodeDriver driver,
            SimulatorClient simulator,
            EventPublisher events,
            Clock clock,
            OrchestratorProperties properties) {
        this.store = store;
        this.driver = driver;
        this.simulator = simulator;
        this.events = events;
        this.clock = clock;
        this.runner = Executors.newFixedThreadPool(
                properties.maxConcurrentExperiments(),
                Thread.ofPlatform().name("experiment-", 0).factory());
    }

    /** Validates, persists, announces and schedules an experiment. */
    public Experiment submit(ExperimentConfig config) {
        SubmissionCheck.check(simulator, config);
        String id = "exp-" + ID_DATE.format(clock.instant()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Experiment experiment = Experiment.accepted(id, config, clock.instant());
        store.create(experiment);
        EpisodeDriver.awaitPublishedOrFail(
                events.publish(EventEnvelope.wrap(new ExperimentStarted(id, config), clock.instant())));
        schedule(id);
        log.info("experiment {} '{}' accepted: {} episodes on {}", id, config.name(), config.episodes(), config.map());
        return experiment;
    }

    public Experiment get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    public List<Experiment> list() {
        return store.all();
    }

    public Experiment cancel(String id) {
        Experiment current = get(id);
        if (current.status().terminal()) {
            throw new ConflictException("experiment " + id + " is already " + current.status());
        }
        return store.update(id, e -> e.cancelled(clock.instant()));
    }

    /** Records where the reporter wrote the report. */
    public void reportPublished(String id, String uri) {
        if (store.find(id).isPresent()) {
            store.update(id, e -> e.withReport(uri, clock.instant()));
        }
    }

    /** Resumes every experiment that was PENDING or RUNNING when the process stopped. */
    public int resumeUnfinished() {
        List<Experiment> unfinished =
                store.all().stream().filter(e -> !e.status().terminal()).toList();
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

    void run(String id) {
        Experiment experiment = store.update(id, e -> e.status().terminal() ? e : e.running(clock.instant()));
        if (experiment.status() != ExperimentStatus.RUNNING) {
            return;
        }
        List<Integer> todo = IntStream.range(0, experiment.config().episodes())
                .filter(i -> !experiment.episodeDone(i))
                .boxed()
                .toList();
        try {
            boolean finished = driver.drive(
                    id,
                    experiment.config(),
                    todo,
                    summary -> store.update(id, e -> e.withEpisode(summary, clock.instant())),
                    () -> get(id).status() == ExperimentStatus.CANCELLED);
            if (!finished) {
                log.info("experiment {} cancelled", id);
                return;
            }
            Experiment done = store.update(id, e -> e.completed(clock.instant()));
            EpisodeDriver.awaitPublishedOrFail(events.publish(
                    EventEnvelope.wrap(new ExperimentCompleted(id, done.config(), done.episodes()), clock.instant())));
            log.info("experiment {} completed", id);
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("experiment {} interrupted by shutdown; it resumes on the next start", id);
                return;
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.error("experiment {} failed: {}", id, reason, e);
            fail(id, reason);
        }
    }

    /**
     * Stores the failure, then waits (bounded) for the bus to accept {@code ExperimentFailed}. An
     * event the bus did not take is logged and written into the stored reason, so the operator sees
     * that consumers (the reporter) were never told.
     */
    private void fail(String id, String reason) {
        store.update(id, x -> x.failed(reason, clock.instant()));
        try {
            EpisodeDriver.awaitPublishedOrFail(
                    events.publish(EventEnvelope.wrap(new ExperimentFailed(id, reason), clock.instant())));
        } catch (RuntimeException e) {
            log.error("experiment {}: ExperimentFailed was not published: {}", id, e.getMessage(), e);
            store.update(
                    id,
                    x -> x.withFailureReason(
                            reason + " (ExperimentFailed not published: " + e.getMessage() + ")", clock.instant()));
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        runner.shutdownNow();
        runner.awaitTermination(10, TimeUnit.SECONDS);
    }
}

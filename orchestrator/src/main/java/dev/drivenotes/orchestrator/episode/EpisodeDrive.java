package dev.drivenotes.orchestrator.episode;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.VehicleSpec;
import dev.drivenotes.orchestrator.clients.PolicyClient;
import dev.drivenotes.orchestrator.clients.ProposedDecision;
import dev.drivenotes.orchestrator.clients.RemoteServiceException;
import dev.drivenotes.orchestrator.clients.SimulatorClient;
import dev.drivenotes.platform.json.TrajectoryCodec;
import dev.drivenotes.platform.observability.LogContext;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One call of {@link EpisodeDriver#drive}: its episodes in flight, their attempts, and the
 * simulations still to delete. Each failure of a dependency (a {@link RemoteServiceException})
 * fails only the episodes that needed the call.
 */
final class EpisodeDrive {
    private static final Logger log = LoggerFactory.getLogger(EpisodeDrive.class);

    private final SimulatorClient simulator;
    private final PolicyClient policy;
    private final ArtifactStore artifacts;
    private final String experimentId;
    private final ExperimentConfig config;
    private final EpisodeAttempts attempts;
    private final ControlSafety safety;
    private final SimulationSlots slots;
    private final ClosedLoopMeters meters;
    private final List<EpisodeRun> active = new ArrayList<>();
    private final List<String> unclosed = new ArrayList<>();

    EpisodeDrive(
            SimulatorClient simulator,
            PolicyClient policy,
            ArtifactStore artifacts,
            String experimentId,
            ExperimentConfig config,
            EpisodeAttempts attempts,
            SimulationSlots slots,
            ClosedLoopMeters meters) {
        this.simulator = simulator;
        this.policy = policy;
        this.artifacts = artifacts;
        this.experimentId = experimentId;
        this.config = config;
        this.attempts = attempts;
        this.slots = slots;
        this.meters = meters;
        this.safety = new ControlSafety(VehicleSpec.EGO, config.fixedDeltaSeconds());
    }

    /** Every episode ended or failed its last attempt. */
    boolean finished() {
        return attempts.exhausted() && active.isEmpty();
    }

    /** No episode is in flight (the next waits for its retry). */
    boolean idle() {
        return active.isEmpty();
    }

    /** When the earliest retry is due ({@link System#nanoTime()}); now when none waits. */
    long nextRetryDueNanos() {
        return attempts.nextDueNanos().orElse(System.nanoTime());
    }

    List<EpisodeFailure> failures() {
        return attempts.failures();
    }

    /**
     * Starts the episodes that are due while the experiment has room and carla-runner a simulation
     * slot; with nothing in flight it waits for a slot (until cancelled).
     */
    void startDue(BooleanSupplier cancelled) {
        while (active.size() < config.parallelEpisodes()
                && attempts.due(System.nanoTime())
                && slots.take(active.isEmpty(), cancelled)) {
            Integer index = attempts.next(System.nanoTime());
            if (index == null) {
                slots.give();
                return;
            }
            closeUnclosed();
            try {
                active.add(start(index));
            } catch (RemoteServiceException e) {
                slots.give();
                failed(index, config.seedOf(index), e);
            } catch (RuntimeException e) {
                slots.give();
                throw e;
            }
        }
    }

    private EpisodeRun start(int index) {
        long seed = config.seedOf(index);
        SimulationState initial = simulator.create(new CreateSimulationRequest(
                config.map(),
                seed,
                config.routeOf(index),
                config.maxSteps(),
                config.npcCount(),
                config.gnssNoiseM(),
                config.gnssDropoutRate(),
                config.fixedDeltaSeconds(),
                config.weather(),
                config.birdEyeSizePx(),
                config.npcAggressiveness()));
        String episodeId = EpisodeDriver.episodeId(experimentId, index);
        try (MDC.MDCCloseable mdc = MDC.putCloseable(LogContext.EPISODE_ID, episodeId)) {
            log.info(
                    "episode {} started (attempt {}): simulation {}, {} → {} ({} m)",
                    episodeId,
                    attempts.attempt(index),
                    initial.simulationId(),
                    initial.route().start(),
                    initial.route().destination(),
                    Math.round(initial.route().lengthM()));
        }
        return new EpisodeRun(index, seed, EpisodeDriver.episodeId(experimentId, index), initial);
    }

    void tick(ExecutorService steps, EpisodeListener listener) {
        List<EpisodeRun> running =
                active.stream().filter(r -> !r.state().done()).toList();
        long tickStart = System.nanoTime();
        Map<EpisodeRun, Decision> decisions = new LinkedHashMap<>();
        Map<EpisodeRun, Future<SimulationState>> next = new LinkedHashMap<>();
        Map<EpisodeRun, ProposedDecision> proposals = decide(running);
        long stepStart = System.nanoTime();
        proposals.forEach((run, proposed) -> {
            ControlSafety.Checked checked = run.secure(proposed, safety);
            decisions.put(run, proposed.with(checked.decided()));
            next.put(
                    run,
                    steps.submit(
                            () -> meters.stepCall().record(() -> simulator.step(run.simulationId(), checked.sent()))));
        });
        int advanced = 0;
        for (Map.Entry<EpisodeRun, Future<SimulationState>> stepped : next.entrySet()) {
            EpisodeRun run = stepped.getKey();
            try {
                run.advance(decisions.get(run), await(stepped.getValue()));
                advanced++;
            } catch (RemoteServiceException e) {
                fail(run, e);
            }
        }
        if (advanced > 0) {
            long tickEnd = System.nanoTime();
            meters.stepPhase().record(tickEnd - stepStart, TimeUnit.NANOSECONDS);
            meters.tick().record(tickEnd - tickStart, TimeUnit.NANOSECONDS);
            listener.stepped(advanced);
        }
        for (EpisodeRun run : List.copyOf(active)) {
            if (run.state().done()) {
                active.remove(run);
                finish(run, listener);
            }
        }
    }

    /**
     * One decision per running episode, from one batched call. When the service rejects the batch
     * (4xx), each episode is asked for alone, so that only those it rejects fail; when the
     * service is down for good (after retries), every running episode fails.
     */
    private Map<EpisodeRun, ProposedDecision> decide(List<EpisodeRun> running) {
        Map<EpisodeRun, ProposedDecision> decisions = new LinkedHashMap<>();
        if (running.isEmpty()) {
            return decisions;
        }
        try {
            List<ProposedDecision> batch = meters.predictCall()
                    .record(() -> policy.predict(config.agent(), config.narrator(), instances(running)));
            for (int i = 0; i < running.size(); i++) {
                decisions.put(running.get(i), batch.get(i));
            }
        } catch (RemoteServiceException e) {
            if (!e.clientError() || running.size() == 1) {
                running.forEach(run -> fail(run, e));
                return decisions;
            }
            for (EpisodeRun run : running) {
                try {
                    decisions.put(
                            run,
                            policy.predict(config.agent(), config.narrator(), instances(List.of(run)))
                                    .getFirst());
                } catch (RemoteServiceException alone) {
                    fail(run, alone);
                }
            }
        }
        return decisions;
    }

    private static List<PredictInstance> instances(List<EpisodeRun> runs) {
        return runs.stream()
                .map(r -> new PredictInstance(r.episodeId, r.state().observation(), r.first(), null))
                .toList();
    }

    private void finish(EpisodeRun run, EpisodeListener listener) {
        List<StepRecord> trajectory;
        try {
            trajectory = run.finishTrajectory();
        } finally {
            close(run.simulationId());
            slots.give();
        }
        EpisodeSummary summary = run.summarize(trajectory);
        Timer.Sample recording = Timer.start();
        URI uri = artifacts.put(
                ArtifactKeys.trajectory(experimentId, run.episodeId),
                TrajectoryCodec.encode(trajectory),
                TrajectoryCodec.CONTENT_TYPE);
        try (MDC.MDCCloseable mdc = MDC.putCloseable(LogContext.EPISODE_ID, run.episodeId)) {
            log.info(
                    "episode {} ended {} after {} steps, route completion {}",
                    run.episodeId,
                    summary.termination(),
                    summary.steps(),
                    String.format("%.2f", summary.routeCompletion()));
            listener.episodeCompleted(
                    new EpisodeCompleted(experimentId, config.map(), uri.toString(), summary, Condition.of(config)));
        }
        recording.stop(meters.recording());
    }

    /** The running episode's attempt failed on a dependency: its simulation goes, it waits or fails. */
    private void fail(EpisodeRun run, RemoteServiceException cause) {
        active.remove(run);
        close(run.simulationId());
        slots.give();
        failed(run.index, run.seed, cause);
    }

    private void failed(int index, long seed, RemoteServiceException cause) {
        String id = EpisodeDriver.episodeId(experimentId, index);
        int attempt = attempts.attempt(index);
        if (attempts.failed(index, id, seed, cause.getMessage(), System.nanoTime())) {
            log.warn("episode {} attempt {} failed: {}; trying again later", id, attempt, cause.getMessage());
        } else {
            log.warn("episode {} failed after {} attempts: {}", id, attempt, cause.getMessage());
        }
    }

    private void close(String simulationId) {
        try {
            simulator.delete(simulationId);
        } catch (RuntimeException e) {
            // the episode's outcome stands; the deletion is tried again before the next start and at the end
            log.warn("could not delete simulation {} (tried again later): {}", simulationId, e.getMessage());
            unclosed.add(simulationId);
        }
    }

    private void closeUnclosed() {
        for (String simulationId : List.copyOf(unclosed)) {
            unclosed.remove(simulationId);
            close(simulationId);
        }
    }

    /** Deletes every simulation still open; one that cannot be is logged for the operator. */
    void closeAll() {
        List.copyOf(active).forEach(run -> {
            close(run.simulationId());
            slots.give();
        });
        active.clear();
        List<String> left = List.copyOf(unclosed);
        unclosed.clear();
        left.forEach(this::close);
        if (!unclosed.isEmpty()) {
            log.error("simulations {} of experiment {} could not be deleted on carla-runner", unclosed, experimentId);
        }
    }

    private static SimulationState await(Future<SimulationState> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stepping", e);
        }
    }
}

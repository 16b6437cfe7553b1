package dev.drivenotes.carla.runner;

import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EpisodeRequested;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictParameters;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.VehicleSpec;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.json.TrajectoryCodec;
import dev.drivenotes.platform.observability.LogContext;
import dev.drivenotes.platform.remote.PolicyClient;
import dev.drivenotes.platform.remote.Predictions;
import dev.drivenotes.platform.remote.ProposedDecision;
import dev.drivenotes.platform.remote.RemoteServiceException;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The episodes in flight on this runner (of any experiment) and how one tick drives them: one
 * batched predict call per agent, the controls made safe ({@link ControlSafety}), then one step per
 * simulation, in parallel, in this process. Each failure (dreamer-service after its client's
 * retries, or the simulator) fails only the attempts of the episodes that needed it ({@link
 * Outcomes}); simulations are always destroyed. Used by the loop's thread only.
 */
final class EpisodeDrive {
    private static final Logger log = LoggerFactory.getLogger(EpisodeDrive.class);

    private final Simulator simulator;
    private final PolicyClient policy;
    private final ArtifactStore artifacts;
    private final Outcomes outcomes;
    private final Cancellations cancellations;
    private final ClosedLoopMeters meters;
    private final StepTally tally;
    private final EventTelemetry telemetry;
    private final List<EpisodeRun> active = new ArrayList<>();

    EpisodeDrive(
            Simulator simulator,
            PolicyClient policy,
            ArtifactStore artifacts,
            Outcomes outcomes,
            Cancellations cancellations,
            ClosedLoopMeters meters,
            StepTally tally,
            EventTelemetry telemetry) {
        this.simulator = simulator;
        this.policy = policy;
        this.artifacts = artifacts;
        this.outcomes = outcomes;
        this.cancellations = cancellations;
        this.meters = meters;
        this.tally = tally;
        this.telemetry = telemetry;
    }

    /** No episode is in flight. */
    boolean idle() {
        return active.isEmpty();
    }

    /** Creates the attempt's simulation (in its work item's trace); a simulator that cannot fails the attempt. */
    void start(Assignment assignment) {
        try (EventTelemetry.TraceScope trace = telemetry.inTraceOf(assignment.traceparent(), "start episode")) {
            create(assignment);
        }
    }

    private void create(Assignment assignment) {
        EpisodeRequested request = assignment.request();
        if (cancellations.cancelled(request.experimentId())) {
            assignment.done().complete(null);
            return;
        }
        ExperimentConfig config = request.config();
        SimulationState initial;
        try {
            initial = simulator.create(new CreateSimulationRequest(
                    config.map(),
                    request.seed(),
                    config.routeOf(request.index()),
                    config.maxSteps(),
                    config.npcCount(),
                    config.gnssNoiseM(),
                    config.gnssDropoutRate(),
                    config.fixedDeltaSeconds(),
                    config.weather(),
                    config.birdEyeSizePx(),
                    config.npcAggressiveness()));
        } catch (RuntimeException e) {
            outcomes.attemptFailed(assignment, "simulator: " + reasonOf(e));
            return;
        }
        try (MDC.MDCCloseable mdc = MDC.putCloseable(LogContext.EPISODE_ID, request.episodeId())) {
            log.info(
                    "episode {} started (attempt {}): simulation {}, {} → {} ({} m), on {}",
                    request.episodeId(),
                    request.attempt(),
                    initial.simulationId(),
                    initial.route().start(),
                    initial.route().destination(),
                    Math.round(initial.route().lengthM()),
                    outcomes.runner());
        }
        active.add(new EpisodeRun(assignment, new ControlSafety(VehicleSpec.EGO, config.fixedDeltaSeconds()), initial));
    }

    /** Stops the episodes of cancelled experiments: their simulations go, their work items are dropped. */
    void dropCancelled() {
        for (EpisodeRun run : List.copyOf(active)) {
            if (cancellations.cancelled(run.experimentId())) {
                log.info("episode {} stopped: its experiment was cancelled", run.episodeId);
                active.remove(run);
                close(run.simulationId());
                run.assignment.done().complete(null);
            }
        }
    }

    void tick(ExecutorService steps) {
        List<EpisodeRun> running =
                active.stream().filter(r -> !r.state().done()).toList();
        long tickStart = System.nanoTime();
        Map<EpisodeRun, Decision> decisions = new LinkedHashMap<>();
        Map<EpisodeRun, Future<SimulationState>> next = new LinkedHashMap<>();
        Map<EpisodeRun, ProposedDecision> proposals = decide(running);
        long stepStart = System.nanoTime();
        proposals.forEach((run, proposed) -> {
            ControlSafety.Checked checked = run.secure(proposed);
            decisions.put(run, proposed.with(checked.decided()));
            next.put(
                    run,
                    steps.submit(() -> meters.stepCall().record(() -> {
                        SimulationState state = meters.simulationStep()
                                .record(() -> simulator.step(run.simulationId(), checked.sent()));
                        meters.simulationSteps().increment();
                        return state;
                    })));
        });
        int advanced = 0;
        for (Map.Entry<EpisodeRun, Future<SimulationState>> stepped : next.entrySet()) {
            EpisodeRun run = stepped.getKey();
            try {
                run.advance(decisions.get(run), await(stepped.getValue()));
                tally.stepped(run.assignment);
                advanced++;
            } catch (RuntimeException e) {
                fail(run, "simulator: " + reasonOf(e));
            }
        }
        if (advanced > 0) {
            long tickEnd = System.nanoTime();
            meters.stepPhase().record(tickEnd - stepStart, TimeUnit.NANOSECONDS);
            meters.tick().record(tickEnd - tickStart, TimeUnit.NANOSECONDS);
        }
        for (EpisodeRun run : List.copyOf(active)) {
            if (run.state().done()) {
                active.remove(run);
                finish(run);
            }
        }
    }

    /**
     * One decision per running episode, from one batched call per agent. When the service rejects a
     * batch (4xx), each of its episodes is asked for alone, so that only those it rejects fail; when
     * the service is down for good (after retries), every episode of the batch fails its attempt.
     */
    private Map<EpisodeRun, ProposedDecision> decide(List<EpisodeRun> running) {
        Map<EpisodeRun, ProposedDecision> decisions = new LinkedHashMap<>();
        Map<PredictParameters, List<EpisodeRun>> byAgent = running.stream()
                .collect(Collectors.groupingBy(run -> run.parameters, LinkedHashMap::new, Collectors.toList()));
        Timer.Sample predicting = Timer.start();
        byAgent.forEach((parameters, batch) -> decide(parameters, batch, decisions));
        if (!running.isEmpty()) {
            predicting.stop(meters.predictCall());
        }
        return decisions;
    }

    private void decide(
            PredictParameters parameters, List<EpisodeRun> batch, Map<EpisodeRun, ProposedDecision> decisions) {
        // a batch serves several work items: its call goes out in the first one's trace
        try (EventTelemetry.TraceScope trace =
                telemetry.inTraceOf(batch.getFirst().assignment.traceparent(), "predict")) {
            predict(parameters, batch, decisions);
        }
    }

    private void predict(
            PredictParameters parameters, List<EpisodeRun> batch, Map<EpisodeRun, ProposedDecision> decisions) {
        try {
            Predictions answers = policy.predict(parameters.policy(), parameters.narrator(), instances(batch));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answeredBy(answers.modelVersion());
                decisions.put(batch.get(i), answers.decisions().get(i));
            }
        } catch (RemoteServiceException e) {
            if (!e.clientError() || batch.size() == 1) {
                batch.forEach(run -> fail(run, e.getMessage()));
                return;
            }
            for (EpisodeRun run : batch) {
                try {
                    Predictions alone =
                            policy.predict(parameters.policy(), parameters.narrator(), instances(List.of(run)));
                    run.answeredBy(alone.modelVersion());
                    decisions.put(run, alone.decisions().getFirst());
                } catch (RemoteServiceException alone) {
                    fail(run, alone.getMessage());
                }
            }
        }
    }

    private static List<PredictInstance> instances(List<EpisodeRun> runs) {
        return runs.stream()
                .map(r -> new PredictInstance(r.episodeId, r.state().observation(), r.first(), null))
                .toList();
    }

    private void finish(EpisodeRun run) {
        try (EventTelemetry.TraceScope trace = telemetry.inTraceOf(run.assignment.traceparent(), "record episode")) {
            record(run);
        }
    }

    private void record(EpisodeRun run) {
        List<StepRecord> trajectory;
        try {
            trajectory = run.finishTrajectory();
        } finally {
            close(run.simulationId());
        }
        EpisodeSummary summary = run.summarize(trajectory, outcomes.runner());
        Timer.Sample recording = Timer.start();
        URI uri = artifacts.put(
                ArtifactKeys.trajectory(run.experimentId(), run.episodeId),
                TrajectoryCodec.encode(trajectory),
                TrajectoryCodec.CONTENT_TYPE);
        try (MDC.MDCCloseable mdc = MDC.putCloseable(LogContext.EPISODE_ID, run.episodeId)) {
            log.info(
                    "episode {} ended {} after {} steps, route completion {}",
                    run.episodeId,
                    summary.termination(),
                    summary.steps(),
                    String.format("%.2f", summary.routeCompletion()));
            outcomes.completed(
                    run.assignment,
                    new EpisodeCompleted(
                            run.experimentId(),
                            run.assignment.request().config().map(),
                            uri.toString(),
                            summary,
                            Condition.of(run.assignment.request().config()),
                            run.assignment.request().config().agent()));
        }
        recording.stop(meters.recording());
    }

    /** The running episode's attempt failed on a dependency: its simulation goes, the attempt ends. */
    private void fail(EpisodeRun run, String reason) {
        if (!active.remove(run)) {
            return;
        }
        close(run.simulationId());
        outcomes.attemptFailed(run.assignment, reason);
    }

    private void close(String simulationId) {
        try {
            simulator.destroy(simulationId);
        } catch (RuntimeException e) {
            // the episode's outcome stands; a simulation that cannot be destroyed is the simulator's failure
            log.error("could not destroy simulation {}: {}", simulationId, e.toString());
        }
    }

    /**
     * The runner stops: every simulation goes, and every attempt in flight ends without an outcome
     * ({@code why}), so that its work item is delivered again.
     */
    void closeAll(RuntimeException why) {
        for (EpisodeRun run : List.copyOf(active)) {
            close(run.simulationId());
            run.assignment.done().completeExceptionally(why);
        }
        active.clear();
    }

    private static String reasonOf(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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

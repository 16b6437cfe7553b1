package dev.drivenotes.orchestrator.episode;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.orchestrator.clients.PolicyClient;
import dev.drivenotes.orchestrator.clients.SimulatorClient;
import dev.drivenotes.platform.json.TrajectoryCodec;
import dev.drivenotes.platform.observability.LogContext;
import io.micrometer.context.ContextExecutorService;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Drives episodes in lockstep: every tick, one batched predict call for all episodes in flight,
 * then one step per simulation (in parallel). Up to {@code parallelEpisodes} run at once, and never
 * more simulations than carla-runner holds ({@link SimulationSlots}); a finished episode's slot goes
 * to the next pending one. Simulations are always deleted. A finished episode's trajectory is
 * stored, then handed to the listener, which records and announces it.
 */
@Component
public class EpisodeDriver {

    private static final Logger log = LoggerFactory.getLogger(EpisodeDriver.class);

    private final SimulatorClient simulator;
    private final PolicyClient policy;
    private final ArtifactStore artifacts;
    private final SimulationSlots slots;

    public EpisodeDriver(SimulatorClient simulator, PolicyClient policy, ArtifactStore artifacts) {
        this.simulator = simulator;
        this.policy = policy;
        this.artifacts = artifacts;
        this.slots = new SimulationSlots(simulator::maxLiveSimulations);
    }

    public static String episodeId(String experimentId, int index) {
        return experimentId + "-e" + index;
    }

    /**
     * Drives the given episodes of an experiment to their end.
     *
     * @return false when {@code cancelled} stopped it early
     */
    public boolean drive(
            String experimentId,
            ExperimentConfig config,
            List<Integer> indices,
            EpisodeListener listener,
            BooleanSupplier cancelled) {
        Deque<Integer> pending = new ArrayDeque<>(indices);
        List<EpisodeRun> active = new ArrayList<>();
        // the steps' HTTP calls go out in the experiment's trace
        try (ExecutorService steps = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor())) {
            while (!pending.isEmpty() || !active.isEmpty()) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                while (active.size() < config.parallelEpisodes()
                        && !pending.isEmpty()
                        && slots.take(active.isEmpty(), cancelled)) {
                    try {
                        active.add(start(experimentId, config, pending.peek()));
                        pending.poll();
                    } catch (RuntimeException e) {
                        slots.give();
                        throw e;
                    }
                }
                tick(experimentId, config, active, steps, listener);
            }
            return true;
        } finally {
            for (EpisodeRun run : active) {
                deleteQuietly(run.simulationId());
                slots.give();
            }
        }
    }

    private EpisodeRun start(String experimentId, ExperimentConfig config, int index) {
        long seed = config.seedOf(index);
        SimulationState initial = simulator.create(new CreateSimulationRequest(
                config.map(),
                seed,
                config.routeOf(index),
                config.maxSteps(),
                config.npcCount(),
                config.gnssNoiseM(),
                config.fixedDeltaSeconds(),
                config.weather(),
                config.birdEyeSizePx()));
        try (MDC.MDCCloseable mdc = MDC.putCloseable(LogContext.EPISODE_ID, episodeId(experimentId, index))) {
            log.info(
                    "episode {} started: simulation {}, {} → {} ({} m)",
                    episodeId(experimentId, index),
                    initial.simulationId(),
                    initial.route().start(),
                    initial.route().destination(),
                    Math.round(initial.route().lengthM()));
        }
        return new EpisodeRun(index, seed, episodeId(experimentId, index), initial);
    }

    private void tick(
            String experimentId,
            ExperimentConfig config,
            List<EpisodeRun> active,
            ExecutorService steps,
            EpisodeListener listener) {
        List<EpisodeRun> running =
                active.stream().filter(r -> !r.state().done()).toList();
        if (!running.isEmpty()) {
            List<PredictInstance> instances = running.stream()
                    .map(r -> new PredictInstance(r.episodeId, r.state().observation(), r.first(), null))
                    .toList();
            List<Decision> decisions = policy.predict(config.agent(), instances);
            List<Future<SimulationState>> next = new ArrayList<>(running.size());
            for (int i = 0; i < running.size(); i++) {
                EpisodeRun run = running.get(i);
                Decision d = decisions.get(i);
                next.add(steps.submit(() -> simulator.step(run.simulationId(), d.control())));
            }
            for (int i = 0; i < running.size(); i++) {
                running.get(i).advance(decisions.get(i), await(next.get(i)));
            }
            listener.stepped(running.size());
        }
        for (EpisodeRun run : List.copyOf(active)) {
            if (run.state().done()) {
                active.remove(run);
                finish(experimentId, config, run, listener);
            }
        }
    }

    private void finish(String experimentId, ExperimentConfig config, EpisodeRun run, EpisodeListener listener) {
        List<StepRecord> trajectory;
        try {
            trajectory = run.finishTrajectory();
        } finally {
            deleteQuietly(run.simulationId());
            slots.give();
        }
        EpisodeSummary summary = run.summarize(trajectory);
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
            listener.episodeCompleted(new EpisodeCompleted(experimentId, config.map(), uri.toString(), summary));
        }
    }

    private void deleteQuietly(String simulationId) {
        try {
            simulator.delete(simulationId);
        } catch (RuntimeException e) {
            // the episode's outcome stands; a leaked simulation is logged for the operator
            log.warn("could not delete simulation {}: {}", simulationId, e.getMessage());
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

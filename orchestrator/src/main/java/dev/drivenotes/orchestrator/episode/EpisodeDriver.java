package dev.drivenotes.orchestrator.episode;

import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.orchestrator.OrchestratorProperties;
import dev.drivenotes.orchestrator.clients.PolicyClient;
import dev.drivenotes.orchestrator.clients.SimulatorClient;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drives episodes in lockstep: every tick, one batched predict call for all episodes in flight,
 * then one step per simulation (in parallel). Up to {@code parallelEpisodes} run at once, and never
 * more simulations than carla-runner holds ({@link SimulationSlots}); a finished episode's slot goes
 * to the next pending one. A finished episode's trajectory is stored,
 * then handed to the listener, which records and announces it.
 *
 * <p>Failures stay with the episodes they hit: when a call to carla-runner or dreamer-service fails
 * for good (after the client's retries, see {@code RemoteCalls}), the episodes that needed it fail
 * and the others drive on; a failed episode is tried again from its start after {@code
 * episode-retry-delay}, up to {@code episode-attempts} attempts, and then reported as failed with
 * the reason. Simulations are always deleted (one whose deletion failed is deleted again later).
 * Each hop is timed ({@link ClosedLoopMeters}).
 */
@Component
public class EpisodeDriver {

    private static final Logger log = LoggerFactory.getLogger(EpisodeDriver.class);
    private static final Duration CANCEL_POLL = Duration.ofMillis(200);

    private final SimulatorClient simulator;
    private final PolicyClient policy;
    private final ArtifactStore artifacts;
    private final SimulationSlots slots;
    private final ClosedLoopMeters meters;
    private final int maxAttempts;
    private final Duration retryDelay;

    public EpisodeDriver(
            SimulatorClient simulator,
            PolicyClient policy,
            ArtifactStore artifacts,
            OrchestratorProperties properties,
            MeterRegistry meters) {
        this.simulator = simulator;
        this.policy = policy;
        this.artifacts = artifacts;
        this.slots = new SimulationSlots(simulator::maxLiveSimulations);
        this.meters = new ClosedLoopMeters(meters);
        this.maxAttempts = properties.episodeAttempts();
        this.retryDelay = properties.episodeRetryDelay();
    }

    /**
     * How a drive ended.
     *
     * @param stopped true when {@code cancelled} stopped it before every episode was tried
     * @param failures the episodes that failed every attempt, by index
     */
    public record Outcome(boolean stopped, List<EpisodeFailure> failures) {
        public Outcome {
            failures = List.copyOf(failures);
        }
    }

    public static String episodeId(String experimentId, int index) {
        return experimentId + "-e" + index;
    }

    /** Drives the given episodes of an experiment until each ended or failed every attempt. */
    public Outcome drive(
            String experimentId,
            ExperimentConfig config,
            List<Integer> indices,
            EpisodeListener listener,
            BooleanSupplier cancelled) {
        EpisodeDrive drive = new EpisodeDrive(
                simulator,
                policy,
                artifacts,
                experimentId,
                config,
                new EpisodeAttempts(indices, maxAttempts, retryDelay),
                slots,
                meters);
        Timer.Sample driving = Timer.start();
        // the steps' HTTP calls go out in the experiment's trace
        try (ExecutorService steps = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor())) {
            while (!drive.finished()) {
                if (cancelled.getAsBoolean()) {
                    return new Outcome(true, List.of());
                }
                drive.startDue(cancelled);
                if (drive.idle()) {
                    waitUntil(drive.nextRetryDueNanos(), cancelled);
                } else {
                    drive.tick(steps, listener);
                }
            }
            return new Outcome(false, drive.failures());
        } finally {
            drive.closeAll();
            driving.stop(meters.drive());
        }
    }

    /** Waits until {@code dueNanos} ({@link System#nanoTime()}), or until the drive is cancelled. */
    private static void waitUntil(long dueNanos, BooleanSupplier cancelled) {
        long remaining;
        while ((remaining = dueNanos - System.nanoTime()) > 0 && !cancelled.getAsBoolean()) {
            try {
                Thread.sleep(Duration.ofNanos(Math.min(remaining, CANCEL_POLL.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to retry an episode", e);
            }
        }
    }
}

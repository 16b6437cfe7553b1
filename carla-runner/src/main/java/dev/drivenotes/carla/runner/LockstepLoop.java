package dev.drivenotes.carla.runner;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives this runner's episodes in lockstep on one thread: each attempt handed in ({@link #drive})
 * joins at the next tick and leaves when it ended (recorded and announced) or failed; every tick
 * drives all episodes in flight ({@link EpisodeDrive}). How many are in flight at once is bounded by
 * whoever hands them in (the work subscription's {@code maxInFlight}). Closing destroys every
 * simulation and fails the attempts in flight, whose work items are then delivered again.
 */
final class LockstepLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LockstepLoop.class);
    private static final long IDLE_POLL_MS = 100;

    private final BlockingQueue<Assignment> arrivals = new LinkedBlockingQueue<>();
    private final EpisodeDrive drive;
    private final StepTally tally;
    private final ClosedLoopMeters meters;
    private final Thread thread;
    private volatile boolean closing;

    LockstepLoop(EpisodeDrive drive, StepTally tally, ClosedLoopMeters meters) {
        this.drive = drive;
        this.tally = tally;
        this.meters = meters;
        this.thread = Thread.ofPlatform().name("lockstep").daemon().unstarted(this::run);
        thread.setContextClassLoader(LockstepLoop.class.getClassLoader());
        thread.start();
    }

    /** Hands an attempt to the loop; completes as {@link Assignment#done()} does. */
    CompletableFuture<Void> drive(Assignment assignment) {
        arrivals.add(assignment);
        if (closing && arrivals.remove(assignment)) {
            assignment.done().completeExceptionally(new IllegalStateException("the runner is stopping"));
        }
        return assignment.done();
    }

    private void run() {
        Timer.Sample driving = null;
        try (ExecutorService steps = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!closing) {
                Assignment arrived =
                        drive.idle() ? arrivals.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS) : arrivals.poll();
                while (arrived != null) {
                    if (driving == null) {
                        driving = Timer.start();
                    }
                    start(arrived);
                    arrived = arrivals.poll();
                }
                drive.dropCancelled();
                if (!drive.idle()) {
                    tick(steps);
                }
                tally.announceDue();
                if (drive.idle() && driving != null) {
                    driving.stop(meters.drive());
                    driving = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("the lockstep loop stopped: {}", e.toString(), e);
        } finally {
            closing = true;
            IllegalStateException stopped = new IllegalStateException("the runner stopped before the episode ended");
            drive.closeAll(stopped);
            Assignment left;
            while ((left = arrivals.poll()) != null) {
                left.done().completeExceptionally(stopped);
            }
        }
    }

    /**
     * Starts one attempt. Whatever escapes (a bug, a class out of step with its caller) fails that
     * attempt alone, so its work item is delivered again, and the loop goes on: a runner that stopped
     * driving while its process lives would refuse every later work item.
     */
    private void start(Assignment arrived) {
        try {
            drive.start(arrived);
        } catch (RuntimeException | LinkageError e) {
            log.error("episode {} could not start: {}", arrived.request().episodeId(), e.toString(), e);
            arrived.done().completeExceptionally(new IllegalStateException("the runner could not start it: " + e));
        }
    }

    /**
     * One tick. Whatever escapes it hands every episode in flight back (their simulations closed, their
     * work items delivered again) and the loop goes on.
     */
    private void tick(ExecutorService steps) {
        try {
            drive.tick(steps);
        } catch (RuntimeException | LinkageError e) {
            log.error("a tick failed; its episodes are handed back: {}", e.toString(), e);
            drive.closeAll(new IllegalStateException("a tick of the runner failed: " + e));
        }
    }

    /** Stops after the tick in progress; the episodes in flight end without an outcome. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

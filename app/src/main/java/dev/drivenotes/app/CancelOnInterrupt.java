package dev.drivenotes.app;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;

/**
 * {@code run}'s Ctrl-C: a shutdown hook that cancels the experiment in flight through the
 * orchestrator's API (it ends CANCELLED, its simulations deleted, the reporter told), waits until
 * the orchestrator stored the cancel, then stops the suite in order. Without an experiment in
 * flight it only stops the suite. Closing it (the run ended normally) removes the hook.
 */
final class CancelOnInterrupt implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final RunningSuite suite;
    private final LocalApi api;
    private final PrintStream console;
    private final Thread hook;
    private volatile String inFlight;

    private CancelOnInterrupt(RunningSuite suite, LocalApi api, PrintStream console) {
        this.suite = suite;
        this.api = api;
        this.console = console;
        this.hook = new Thread(this::interrupted, "drivenotes-ctrl-c");
    }

    static CancelOnInterrupt register(RunningSuite suite, LocalApi api, PrintStream console) {
        CancelOnInterrupt handler = new CancelOnInterrupt(suite, api, console);
        Runtime.getRuntime().addShutdownHook(handler.hook);
        return handler;
    }

    /** The experiment a Ctrl-C should cancel from now on. */
    void inFlight(String experimentId) {
        inFlight = experimentId;
    }

    /** What Ctrl-C does (the hook's body). */
    void interrupted() {
        String id = inFlight;
        if (id != null) {
            cancel(id);
        }
        suite.close();
    }

    private void cancel(String id) {
        URI experiment = suite.orchestrator().resolve("/v1/experiments/" + id);
        try {
            api.post(suite.orchestrator().resolve("/v1/experiments/" + id + ":cancel"), "");
            awaitStopped(experiment);
            console.printf("%nInterrupted: experiment %s cancelled.%n", id);
        } catch (LocalApi.ApiException e) {
            if (e.status == 409) {
                return; // it had already ended
            }
            console.printf(
                    "%nInterrupted: experiment %s could not be cancelled (%s); it resumes on the next start.%n",
                    id, e.getMessage());
        }
    }

    private void awaitStopped(URI experiment) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String status = api.get(experiment).body().get("status").asString();
            if (!status.equals("PENDING") && !status.equals("RUNNING")) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it cancels and stops the suite itself
        }
    }
}

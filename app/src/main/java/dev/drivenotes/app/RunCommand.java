package dev.drivenotes.app;

import dev.drivenotes.model.experiment.ExperimentConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code drivenotes run}: one experiment, start to report, on the local suite. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run one experiment locally through all four services and write OUT/<experimentId>/report.{json,html}.",
            "The --map file and the ports are checked before anything starts. Ctrl-C cancels the experiment."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the experiment COMPLETED",
            "1:it FAILED or was CANCELLED, or a service failed, or it COMPLETED_WITH_FAILURES (report written)",
            "2:bad input (an option, the --map file, a busy port)"
        })
final class RunCommand implements Callable<Integer> {

    @Option(names = "--episodes", defaultValue = "2", description = "Episodes to drive (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(
            names = "--agent",
            defaultValue = "dreamer",
            description = "dreamer (the learned agent, default) | autopilot | random")
    String agent;

    @Mixin
    EpisodeOptions episode;

    @Option(
            names = "--bird-eye-size-px",
            defaultValue = "0",
            description = "Bird's-eye raster in each observation: 0 (none, default), 64 or 128; a dreamer"
                    + " checkpoint trained with the raster (e.g. preset compact-bev) needs its size.")
    int birdEyeSizePx;

    @Option(names = "--name", defaultValue = "local-run", description = "Experiment name (default ${DEFAULT-VALUE}).")
    String name;

    @Option(
            names = "--out",
            paramLabel = "OUT",
            defaultValue = "runs",
            description = "Reports go to OUT/<experimentId>/ (default ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    SuiteOptions suite;

    @Option(
            names = "--timeout-minutes",
            defaultValue = "30",
            description = "Give up after this long (default ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(names = "--verbose", description = "Log the services at INFO.")
    boolean verbose;

    @Option(
            names = "--bus",
            defaultValue = IN_PROCESS,
            description = "in-process (one JVM, default) | pubsub-emulator (one process per service, events over"
                    + " Google's Pub/Sub emulator; logs in DATA/logs)")
    String bus;

    static final String IN_PROCESS = "in-process";
    static final String PUBSUB_EMULATOR = "pubsub-emulator";
    /** Every episode tried, some failed: the report is written all the same. */
    static final String COMPLETED_WITH_FAILURES = "COMPLETED_WITH_FAILURES";

    private final PrintStream console = System.out;

    /** Checks everything it can (bus, map, config, ports) before it starts a service. */
    @Override
    public Integer call() throws Exception {
        requireKnownBus();
        String mapRef = episode.mapRef();
        ExperimentConfig config = new ExperimentConfig(
                name,
                mapRef,
                agent,
                episodes,
                episode.seed,
                null,
                null,
                episode.maxSteps,
                episode.npcs,
                null,
                null,
                null,
                null,
                birdEyeSizePx);
        long started = System.nanoTime();
        Suite.Settings settings = suite.settings(verbose);
        LocalApi api = new LocalApi();
        try (RunningSuite running = bus.equals(IN_PROCESS) ? Suite.start(settings) : ProcessSuite.start(settings);
                CancelOnInterrupt ctrlC = CancelOnInterrupt.register(running, api, console)) {
            console.printf("DriveNotes suite up in %.1f s (%s)%n", seconds(started), running.orchestrator());
            return new ExperimentRun(api, running, console, Duration.ofMinutes(timeoutMinutes), out)
                    .run(config, started, ctrlC::inFlight);
        }
    }

    private void requireKnownBus() {
        if (!bus.equals(IN_PROCESS) && !bus.equals(PUBSUB_EMULATOR)) {
            throw new IllegalArgumentException(
                    "--bus: expected " + IN_PROCESS + " or " + PUBSUB_EMULATOR + " (was " + bus + ")");
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Submits, follows and reports one experiment. */
    record ExperimentRun(LocalApi api, RunningSuite suite, PrintStream console, Duration timeout, Path out) {

        int run(ExperimentConfig config, long started) throws InterruptedException, IOException {
            return run(config, started, id -> {});
        }

        /** Like {@link #run(ExperimentConfig, long)}, telling {@code accepted} the experiment's id once accepted. */
        int run(ExperimentConfig config, long started, Consumer<String> accepted)
                throws InterruptedException, IOException {
            LocalApi.Response response;
            try {
                response = api.post(suite.orchestrator().resolve("/v1/experiments"), config);
            } catch (LocalApi.ApiException e) {
                if (e.status == 400) {
                    throw new IllegalArgumentException((e.field != null ? e.field + ": " : "") + e.getMessage());
                }
                throw e;
            }
            String id = response.body().get("id").asString();
            accepted.accept(id);
            console.printf(
                    "Experiment %s: %d episode(s), agent %s, map %s%n",
                    id, config.episodes(), config.agent(), config.map());
            JsonNode view = follow(id, config.episodes(), started);
            String status = view.get("status").asString();
            boolean reported = "COMPLETED".equals(status) || COMPLETED_WITH_FAILURES.equals(status);
            if (!"COMPLETED".equals(status)) {
                String reason = view.path("failureReason").asString("");
                console.printf("Experiment %s ended %s%s%n", id, status, reason.isEmpty() ? "" : ": " + reason);
            }
            if (!reported) {
                return 1;
            }
            Path dir = out.resolve(id);
            Files.createDirectories(dir);
            URI reports = suite.reporter().resolve("/v1/reports/" + id + "/");
            byte[] json = api.getBytes(reports.resolve("report.json"));
            Files.write(dir.resolve("report.json"), json);
            Files.write(dir.resolve("report.html"), api.getBytes(reports.resolve("report.html")));
            Summary.print(console, dev.drivenotes.platform.json.Json.mapper().readTree(json), seconds(started));
            console.printf("Report: %s%n        %s%n", dir.resolve("report.json"), dir.resolve("report.html"));
            return "COMPLETED".equals(status) ? 0 : 1;
        }

        private JsonNode follow(String id, int episodes, long started) throws InterruptedException {
            URI uri = suite.orchestrator().resolve("/v1/experiments/" + id);
            long deadline = System.nanoTime() + timeout.toNanos();
            int shown = -1;
            while (System.nanoTime() < deadline) {
                JsonNode view = api.get(uri).body();
                int done = view.get("episodesCompleted").asInt();
                if (done != shown) {
                    console.printf("  [%6.1f s] %d/%d episodes done%n", seconds(started), done, episodes);
                    shown = done;
                }
                String status = view.get("status").asString();
                boolean terminal = !status.equals("PENDING") && !status.equals("RUNNING");
                boolean reportFollows = status.equals("COMPLETED") || status.equals(COMPLETED_WITH_FAILURES);
                if (terminal && (!reportFollows || view.hasNonNull("reportUri"))) {
                    return view;
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException(
                    "experiment " + id + " did not finish within " + timeout.toMinutes() + " min");
        }
    }
}

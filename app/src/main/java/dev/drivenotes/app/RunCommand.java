package dev.drivenotes.app;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
            "The --map file (or, with --simulator carla, the CARLA server and its version) and the ports are"
                    + " checked before anything starts. Ctrl-C cancels the experiment."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the experiment COMPLETED",
            "1:it FAILED or was CANCELLED, or a service failed, or it COMPLETED_WITH_FAILURES (report written), or"
                    + " the CARLA server is unreachable or of another version",
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

    @Mixin
    ConditionOptions conditions;

    @Option(
            names = "--date",
            paramLabel = "YYYY-MM-DD",
            description = "The UTC day the experiment counts for in daily metrics and reports (default: the day"
                    + " it completes); runs on consecutive dates build the daily trends.")
    LocalDate date;

    @Option(
            names = "--out",
            paramLabel = "OUT",
            defaultValue = "runs",
            description = "Reports go to OUT/<experimentId>/ (default ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    SuiteOptions suite;

    @Mixin
    SimulatorOptions simulator;

    @Option(
            names = "--timeout-minutes",
            defaultValue = "30",
            description = "Give up after this long (default ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(
            names = "--verbose",
            description =
                    "Show the services' INFO lines on the terminal too (DATA/logs/<service>.json always has them).")
    boolean verbose;

    @Option(
            names = "--bus",
            defaultValue = IN_PROCESS,
            description = "in-process (one JVM, default) | pubsub-emulator (one process per service, events over"
                    + " Google's Pub/Sub emulator; logs in DATA/logs)")
    String bus;

    @Option(
            names = "--runners",
            defaultValue = "1",
            description = "carla-runner processes sharing the episodes (default ${DEFAULT-VALUE}; more than one"
                    + " needs --bus pubsub-emulator)")
    int runners;

    static final String IN_PROCESS = "in-process";
    /** Runner processes one machine is asked to start at most. */
    static final int MAX_RUNNERS = 16;

    static final String PUBSUB_EMULATOR = "pubsub-emulator";
    /** Every episode tried, some failed: the report is written all the same. */
    static final String COMPLETED_WITH_FAILURES = "COMPLETED_WITH_FAILURES";

    private final PrintStream console = System.out;

    /** Checks everything it can (bus, map, config, ports) before it starts a service. */
    @Override
    public Integer call() throws Exception {
        requireKnownBus();
        SimulatorBackend backend = simulator.backend(episode.map);
        String mapRef = backend.isCarla() ? backend.checkCarlaServer() : episode.mapRef();
        ExperimentConfig config = config(mapRef);
        long started = System.nanoTime();
        Suite.Settings settings = suite.settings(verbose, backend);
        LocalApi api = new LocalApi();
        BiConsumer<String, URI> ready = (service, url) -> console.println(readyLine(service, url, started));
        console.printf("Starting DriveNotes (logs in %s)%n", settings.dataDir().resolve("logs"));
        try (RunningSuite running = bus.equals(IN_PROCESS)
                        ? Suite.start(settings, Map.of(), ready)
                        : ProcessSuite.start(settings, runners, ready);
                CancelOnInterrupt ctrlC = CancelOnInterrupt.register(running, api, console)) {
            console.printf("DriveNotes suite up in %.1f s (%s)%n", seconds(started), running.orchestrator());
            return new ExperimentRun(api, running, console, Duration.ofMinutes(timeoutMinutes), out)
                    .run(config, started, ctrlC::inFlight);
        }
    }

    /** The experiment's config; a value out of range is an error naming its option. */
    private ExperimentConfig config(String mapRef) {
        return conditions.config(name, mapRef, agent, episodes, episode, null, birdEyeSizePx, date);
    }

    /** The config {@code build} makes; a value out of range is an error naming its option. */
    static ExperimentConfig checkedConfig(Supplier<ExperimentConfig> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            String option =
                    OPTIONS.getOrDefault(e.field(), ConditionOptions.OPTIONS.getOrDefault(e.field(), e.field()));
            throw new IllegalArgumentException(option + ": " + e.reason(), e);
        }
    }

    /** Config fields and the options that set them. */
    private static final Map<String, String> OPTIONS = Map.of(
            "name", "--name",
            "agent", "--agent",
            "episodes", "--episodes",
            "maxSteps", "--max-steps",
            "npcCount", "--npcs",
            "birdEyeSizePx", "--bird-eye-size-px",
            "parallelEpisodes", "--parallel",
            "day", "--date");

    private void requireKnownBus() {
        if (!bus.equals(IN_PROCESS) && !bus.equals(PUBSUB_EMULATOR)) {
            throw new IllegalArgumentException(
                    "--bus: expected " + IN_PROCESS + " or " + PUBSUB_EMULATOR + " (was " + bus + ")");
        }
        if (runners < 1 || runners > MAX_RUNNERS) {
            throw new IllegalArgumentException("--runners: expected 1.." + MAX_RUNNERS + " (was " + runners + ")");
        }
        if (runners > 1 && !bus.equals(PUBSUB_EMULATOR)) {
            throw new IllegalArgumentException("--runners: " + runners + " runners need --bus " + PUBSUB_EMULATOR
                    + " (the in-process bus runs one runner inside the suite)");
        }
    }

    /** The line shown when a service of the suite is ready. */
    static String readyLine(String service, URI url, long started) {
        return String.format("  %-16s ready at %s (%.1f s)", service, url, seconds(started));
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Submits, follows and reports one experiment. */
    record ExperimentRun(LocalApi api, RunningSuite suite, PrintStream console, Duration timeout, Path out) {

        /** How often the progress line reads the simulation step rate. */
        static final Duration RATE_EVERY = Duration.ofSeconds(1);

        private static final Duration DAILY_WAIT = Duration.ofSeconds(60);
        private static final Duration DAILY_POLL = Duration.ofMillis(200);

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
                    "Experiment %s: %d episode(s), agent %s, map %s, condition %s%n",
                    id, config.episodes(), config.agent(), config.map(), Condition.of(config));
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
            JsonNode report = Json.mapper().readTree(json);
            Summary.print(console, report, seconds(started));
            console.printf("Report: %s%n        %s%n", dir.resolve("report.json"), dir.resolve("report.html"));
            dailyReport(dir, id, report.path("day").asString());
            return "COMPLETED".equals(status) ? 0 : 1;
        }

        /**
         * Copies the day's daily report, as this experiment left it, into the experiment's folder
         * ({@code daily-YYYY-MM-DD.{json,html}}: its links to other experiments' reports resolve in
         * OUT) and names the day's regressions.
         */
        private void dailyReport(Path dir, String id, String day) throws IOException, InterruptedException {
            URI daily = suite.reporter().resolve("/v1/reports/daily/" + day + ".json");
            byte[] json = dailyListing(daily, id);
            if (json == null) {
                console.printf("Daily report of %s: not written within %d s%n", day, DAILY_WAIT.toSeconds());
                return;
            }
            Files.write(dir.resolve("daily-" + day + ".json"), json);
            Path html = dir.resolve("daily-" + day + ".html");
            Files.write(html, api.getBytes(suite.reporter().resolve("/v1/reports/daily/" + day + ".html")));
            JsonNode regressions = Json.mapper().readTree(json).path("regressions");
            console.printf("Daily report of %s: %s (%d regression(s))%n", day, html, regressions.size());
            for (JsonNode r : regressions) {
                console.printf(
                        "  AccuracyRegression: %s %.3f below %.3f (trailing mean %.3f over %d days), agent %s%n",
                        r.path("metric").asString(),
                        r.path("value").asDouble(),
                        r.path("threshold").asDouble(),
                        r.path("trailingMean").asDouble(),
                        r.path("daysInWindow").asInt(),
                        r.path("agent").asString());
            }
        }

        /**
         * The day's daily report once it lists experiment {@code id}: the reporter rewrites it after
         * publishing the experiment's report, so it may lag (or be an earlier experiment's version of
         * the day) for a moment; null when it does not within {@link #DAILY_WAIT}.
         */
        private byte[] dailyListing(URI daily, String id) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + DAILY_WAIT.toNanos();
            while (true) {
                try {
                    byte[] json = api.getBytes(daily);
                    for (JsonNode c : Json.mapper().readTree(json).path("configurations")) {
                        for (JsonNode e : c.path("experiments")) {
                            if (id.equals(e.path("experimentId").asString())) {
                                return json;
                            }
                        }
                    }
                } catch (LocalApi.ApiException e) {
                    if (e.status != 404) {
                        throw e;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return null;
                }
                Thread.sleep(DAILY_POLL.toMillis());
            }
        }

        /** Whether an experiment's view is final: it ended, and has its report if it completed. */
        static boolean settled(JsonNode view) {
            String status = view.get("status").asString();
            boolean ended = !status.equals("PENDING") && !status.equals("RUNNING");
            boolean reportFollows = status.equals("COMPLETED") || status.equals(COMPLETED_WITH_FAILURES);
            return ended && (!reportFollows || view.hasNonNull("reportUri"));
        }

        /** Polls the experiment until it ended, showing {@link Progress} about once a second. */
        private JsonNode follow(String id, int episodes, long started) throws InterruptedException {
            URI uri = suite.orchestrator().resolve("/v1/experiments/" + id);
            long driving = System.nanoTime();
            long deadline = driving + timeout.toNanos();
            Progress progress = new Progress(console, Progress.terminal(console), episodes);
            StepRate rate = new StepRate(api, suite.urls().get(SuiteService.CARLA_RUNNER.serviceName()));
            double stepsPerSecond = Double.NaN;
            long nextRate = driving;
            try {
                while (System.nanoTime() < deadline) {
                    JsonNode view = api.get(uri).body();
                    int done = view.get("episodesCompleted").asInt();
                    if (System.nanoTime() >= nextRate) {
                        stepsPerSecond = rate.read();
                        nextRate = System.nanoTime() + RATE_EVERY.toNanos();
                    }
                    progress.update(
                            seconds(started), done, stepsPerSecond, Progress.eta(seconds(driving), done, episodes));
                    if (settled(view)) {
                        return view;
                    }
                    Thread.sleep(250);
                }
            } finally {
                progress.finish();
            }
            throw new IllegalStateException(
                    "experiment " + id + " did not finish within " + timeout.toMinutes() + " min");
        }
    }
}

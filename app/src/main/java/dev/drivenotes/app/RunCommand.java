package dev.drivenotes.app;

import dev.drivenotes.model.experiment.ExperimentConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code drivenotes run}: one experiment, start to report, on the local suite. */
@Command(name = "run", description = "Run one experiment locally through all four services and write its report.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--episodes", defaultValue = "2", description = "Episodes to drive (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(
            names = "--agent",
            defaultValue = "dreamer",
            description = "dreamer (the learned agent, default) | autopilot | random")
    String agent;

    @Option(names = "--map", description = "OpenDRIVE file (default: the generated town).")
    Path map;

    @Option(names = "--seed", defaultValue = "1", description = "Base seed; episode i uses seed + i.")
    long seed;

    @Option(
            names = "--npcs",
            defaultValue = "20",
            description = "Background vehicles per episode (default ${DEFAULT-VALUE}).")
    int npcs;

    @Option(names = "--max-steps", defaultValue = "6000", description = "Step limit per episode.")
    int maxSteps;

    @Option(
            names = "--bird-eye-size-px",
            defaultValue = "0",
            description = "Bird's-eye raster in each observation: 0 (none, default), 64 or 128; a dreamer"
                    + " checkpoint trained with the raster (e.g. preset compact-bev) needs its size.")
    int birdEyeSizePx;

    @Option(names = "--name", defaultValue = "local-run", description = "Experiment name.")
    String name;

    @Option(names = "--out", defaultValue = "runs", description = "Reports go to OUT/<experimentId>/.")
    Path out;

    @Option(names = "--port-base", defaultValue = "8080", description = "First of four consecutive ports.")
    int portBase;

    @Option(names = "--data", defaultValue = ".drivenotes", description = "Folder for state, DuckDB and artifacts.")
    Path data;

    @Option(names = "--timeout-minutes", defaultValue = "30", description = "Give up after this long.")
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

    private final PrintStream console = System.out;

    @Override
    public Integer call() throws Exception {
        String mapRef = resolveMap();
        ExperimentConfig config = new ExperimentConfig(
                name, mapRef, agent, episodes, seed, null, null, maxSteps, npcs, null, null, null, null, birdEyeSizePx);
        long started = System.nanoTime();
        Suite.Settings settings = new Suite.Settings(portBase, data, verbose);
        try (RunningSuite suite = start(settings)) {
            console.printf("DriveNotes suite up in %.1f s (%s)%n", seconds(started), suite.orchestrator());
            return new ExperimentRun(new LocalApi(), suite, console, Duration.ofMinutes(timeoutMinutes), out)
                    .run(config, started);
        }
    }

    private RunningSuite start(Suite.Settings settings) throws IOException, InterruptedException {
        return switch (bus) {
            case IN_PROCESS -> Suite.start(settings);
            case PUBSUB_EMULATOR -> ProcessSuite.start(settings);
            default ->
                throw new IllegalArgumentException(
                        "--bus: expected " + IN_PROCESS + " or " + PUBSUB_EMULATOR + " (was " + bus + ")");
        };
    }

    private String resolveMap() {
        if (map == null || map.toString().equals(ExperimentConfig.DEFAULT_MAP)) {
            return ExperimentConfig.DEFAULT_MAP;
        }
        if (!Files.isRegularFile(map)) {
            throw new IllegalArgumentException("--map: no such file: " + map);
        }
        if (!Files.isReadable(map)) {
            throw new IllegalArgumentException("--map: cannot read " + map);
        }
        try (var in = Files.newInputStream(map)) {
            byte[] head = in.readNBytes(4096);
            if (!new String(head, java.nio.charset.StandardCharsets.UTF_8).contains("<OpenDRIVE")) {
                throw new IllegalArgumentException(
                        "--map: " + map + " is not an OpenDRIVE file (no <OpenDRIVE> element)");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--map: cannot read " + map + ": " + e.getMessage());
        }
        return map.toAbsolutePath().normalize().toString();
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Submits, follows and reports one experiment. */
    record ExperimentRun(LocalApi api, RunningSuite suite, PrintStream console, Duration timeout, Path out) {

        int run(ExperimentConfig config, long started) throws InterruptedException, IOException {
            LocalApi.Response accepted;
            try {
                accepted = api.post(suite.orchestrator().resolve("/v1/experiments"), config);
            } catch (LocalApi.ApiException e) {
                if (e.status == 400) {
                    throw new IllegalArgumentException((e.field != null ? e.field + ": " : "") + e.getMessage());
                }
                throw e;
            }
            String id = accepted.body().get("id").asString();
            console.printf(
                    "Experiment %s: %d episode(s), agent %s, map %s%n",
                    id, config.episodes(), config.agent(), config.map());
            JsonNode view = follow(id, config.episodes(), started);
            String status = view.get("status").asString();
            if (!"COMPLETED".equals(status)) {
                String reason = view.path("failureReason").asString("");
                console.printf("Experiment %s ended %s%s%n", id, status, reason.isEmpty() ? "" : ": " + reason);
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
            return 0;
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
                if (terminal && (!status.equals("COMPLETED") || view.hasNonNull("reportUri"))) {
                    return view;
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException(
                    "experiment " + id + " did not finish within " + timeout.toMinutes() + " min");
        }
    }
}

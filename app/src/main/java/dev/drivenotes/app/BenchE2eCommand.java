package dev.drivenotes.app;

import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code drivenotes bench e2e}: one experiment through the local suite (four services in this JVM,
 * over HTTP on loopback, as {@code run}), its figures read from the services' own meters as they
 * changed over the run ({@link E2eMeterTotals}, {@link E2eFigures}).
 */
@Command(
        name = "e2e",
        mixinStandardHelpOptions = true,
        description = {
            "One experiment through all four services over HTTP: closed-loop steps per second, tick latency"
                    + " (p50, p99), the share of wall time per hop and the suite's start-up time.",
            "The suite starts on free ports with its files in a new temporary folder, removed afterwards."
        })
final class BenchE2eCommand implements Callable<Integer> {

    @Option(names = "--episodes", defaultValue = "8", description = "Episodes (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(
            names = "--parallel",
            defaultValue = "8",
            description = "Episodes in flight at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Mixin
    EpisodeOptions episode;

    @Mixin
    ConditionOptions conditions;

    @Option(names = "--agent", defaultValue = "autopilot", description = "autopilot (default) | dreamer | random")
    String agent;

    @Option(
            names = "--timeout-minutes",
            defaultValue = "30",
            description = "Give up after this long (default ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** How often the experiment is polled for its report: the resolution of the wall time. */
    static final Duration POLL = Duration.ofMillis(20);

    @Override
    public Integer call() throws IOException, InterruptedException {
        ExperimentConfig config = config();
        Path data = Files.createTempDirectory("drivenotes-bench-e2e");
        try {
            return run(config, data);
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    private int run(ExperimentConfig config, Path data) throws InterruptedException {
        long starting = System.nanoTime();
        try (Suite suite = Suite.start(new Suite.Settings(0, data, false))) {
            double startupSeconds = RunCommand.seconds(starting);
            LocalApi api = new LocalApi();
            E2eMeterTotals before = E2eMeterTotals.read(suite);
            long submitted = System.nanoTime();
            String id = api.post(suite.orchestrator().resolve("/v1/experiments"), config)
                    .body()
                    .get("id")
                    .asString();
            JsonNode view = awaitReport(api, suite.orchestrator().resolve("/v1/experiments/" + id));
            double wallSeconds = RunCommand.seconds(submitted);
            String status = view.get("status").asString();
            if (!"COMPLETED".equals(status)) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "drivenotes: experiment %s ended %s: %s%n",
                                id, status, view.path("failureReason").asString(""));
                return 1;
            }
            E2eFigures figures = new E2eFigures(E2eMeterTotals.read(suite).minus(before), wallSeconds, startupSeconds);
            print(figures, config);
            return 0;
        }
    }

    /** The experiment's view once it ended, with its report when it completed. */
    private JsonNode awaitReport(LocalApi api, URI experiment) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(timeoutMinutes).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = api.get(experiment).body();
            if (RunCommand.ExperimentRun.settled(view)) {
                return view;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("the experiment did not finish within " + timeoutMinutes + " min");
    }

    private void print(E2eFigures figures, ExperimentConfig config) {
        Map<String, Object> result = new LinkedHashMap<>(figures.asMap());
        result.put("episodes", config.episodes());
        result.put("parallel", config.parallelEpisodes());
        result.put("npcs", config.npcCount());
        result.put("maxSteps", config.maxSteps());
        result.put("map", config.map());
        result.put("agent", config.agent());
        result.put("condition", Condition.of(config));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(result));
        } else {
            result.forEach((key, value) -> {
                if (value instanceof Map<?, ?> parts) {
                    // shares in per cent, the mean tick's parts in milliseconds
                    boolean shares = key.equals("shares");
                    out.printf(Locale.ROOT, "%-25s%n", key);
                    parts.forEach((part, figure) -> out.printf(
                            Locale.ROOT,
                            shares ? "  %-23s %5.1f %%%n" : "  %-23s %7.3f ms%n",
                            part,
                            shares ? 100 * (Double) figure : (Double) figure));
                } else {
                    out.printf(Locale.ROOT, "%-25s %s%n", key, format(value));
                }
            });
        }
        out.flush();
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
    }

    /** The experiment; a value out of range is an error naming its option. */
    private ExperimentConfig config() {
        return conditions.config("bench-e2e", episode.mapRef(), agent, episodes, episode, parallel, null, null);
    }
}

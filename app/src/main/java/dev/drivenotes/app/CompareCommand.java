package dev.drivenotes.app;

import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.platform.json.Json;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code drivenotes compare}: one experiment per agent on the same seeds and conditions through one
 * local suite, then each agent's action, location and destination accuracy with its note count and
 * 95 % Wilson interval, and its mean localisation error where the notes are placed with its 95 %
 * bootstrap interval, read from its report.json ({@code metrics.*Interval}, {@code
 * metrics.locationErrorM}).
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Run one experiment per agent on the same seeds and conditions, then print each agent's action,"
                    + " location and destination accuracy with its count and 95 %% interval (from report.json).",
            "Reports go to OUT/<experimentId>/ as with run."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every experiment COMPLETED", "1:one did not (the others are still printed)", "2:bad input"})
final class CompareCommand implements Callable<Integer> {

    @Option(
            names = "--agents",
            split = ",",
            defaultValue = "autopilot,dreamer,random",
            description = "Agents to compare, comma-separated (default ${DEFAULT-VALUE}).")
    List<String> agents;

    @Option(names = "--episodes", defaultValue = "20", description = "Episodes per agent (default ${DEFAULT-VALUE}).")
    int episodes;

    @Mixin
    EpisodeOptions episode;

    @Mixin
    ConditionOptions conditions;

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
            defaultValue = "60",
            description = "Give up on an experiment after this long (default ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(names = "--json", description = "Print one JSON object (progress goes to stderr).")
    boolean json;

    /** The three note fields compared, as report.json's metrics name them. */
    static final List<String> FIELDS = List.of("action", "location", "destination");

    @Override
    public Integer call() throws Exception {
        List<ExperimentConfig> configs = configs();
        PrintStream progress = json ? System.err : System.out;
        long started = System.nanoTime();
        LocalApi api = new LocalApi();
        BiConsumer<String, URI> ready = (service, url) -> progress.println(RunCommand.readyLine(service, url, started));
        List<Map<String, Object>> rows = new ArrayList<>();
        int exit = 0;
        try (RunningSuite running = Suite.start(suite.settings(false), Map.of(), ready)) {
            var run = new RunCommand.ExperimentRun(api, running, progress, Duration.ofMinutes(timeoutMinutes), out);
            for (ExperimentConfig config : configs) {
                String[] id = new String[1];
                int status = run.run(config, System.nanoTime(), accepted -> id[0] = accepted);
                exit = Math.max(exit, status);
                Path report = out.resolve(id[0]).resolve("report.json");
                if (Files.exists(report)) {
                    rows.add(row(config.agent(), id[0], Json.mapper().readTree(Files.readAllBytes(report))));
                }
            }
        }
        print(rows, configs.getFirst());
        return exit;
    }

    /** One config per agent, identical but for the agent; a bad value is an error naming its option. */
    List<ExperimentConfig> configs() {
        if (agents.isEmpty() || agents.stream().distinct().count() != agents.size()) {
            throw new IllegalArgumentException("--agents: name each agent once, e.g. autopilot,dreamer,random");
        }
        String map = episode.mapRef();
        return agents.stream()
                .map(agent -> conditions.config("compare-" + agent, map, agent, episodes, episode, null, null, null))
                .toList();
    }

    /** An agent's row: for each field its accuracy, note count and interval from report.json's metrics. */
    static Map<String, Object> row(String agent, String experimentId, JsonNode report) {
        JsonNode metrics = report.get("metrics");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("agent", agent);
        row.put("experimentId", experimentId);
        for (String field : FIELDS) {
            row.put(field, figure(metrics, field + "Accuracy", "accuracy"));
        }
        row.put(LOCATION_ERROR, figure(metrics, LOCATION_ERROR, "mean"));
        return row;
    }

    /** The row's mean localisation error where the notes are placed, metres, as report.json names it. */
    static final String LOCATION_ERROR = "locationErrorM";

    /**
     * A metric of report.json's {@code metrics} as {@code {<valueKey>, n, low, high}}: its value (null
     * when the report has none) and its {@code <metric>Interval}'s count (0 without one) and bounds.
     */
    private static Map<String, Object> figure(JsonNode metrics, String metric, String valueKey) {
        JsonNode value = metrics.path(metric);
        JsonNode interval = metrics.path(metric + "Interval");
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put(valueKey, value.isNumber() ? value.asDouble() : null);
        figure.put("n", interval.isObject() ? interval.get("n").asInt() : 0);
        figure.put("low", interval.isObject() ? interval.get("low").asDouble() : null);
        figure.put("high", interval.isObject() ? interval.get("high").asDouble() : null);
        return figure;
    }

    private void print(List<Map<String, Object>> rows, ExperimentConfig config) {
        String condition = Condition.of(config);
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("condition", condition);
            all.put("map", config.map());
            all.put("episodes", config.episodes());
            all.put("seeds", config.episodeSeeds());
            all.put("agents", rows);
            System.out.println(Json.mapper().writeValueAsString(all));
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%nCondition %s, map %s, %d episodes from seed %d%n",
                condition,
                config.map(),
                config.episodes(),
                config.seedOf(0));
        System.out.println(table(rows));
    }

    /** The rows as a text table: per agent and field, accuracy [95 % interval] (n). */
    static String table(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s", "agent"));
        FIELDS.forEach(f -> out.append(String.format(Locale.ROOT, " %-27s", f)));
        out.append(" location error (m)");
        for (Map<String, Object> row : rows) {
            out.append(String.format(Locale.ROOT, "%n%-10s", row.get("agent")));
            for (String field : FIELDS) {
                out.append(' ')
                        .append(String.format(
                                Locale.ROOT,
                                "%-27s",
                                cell((Map<?, ?>) row.get(field), "accuracy", "%.3f", "no notes")));
            }
            out.append(' ').append(cell((Map<?, ?>) row.get(LOCATION_ERROR), "mean", "%.2f", "-"));
        }
        return out.toString();
    }

    /** {@code value [low, high] n=N} with {@code format} for the numbers, or {@code missing}. */
    private static String cell(Map<?, ?> figure, String valueKey, String format, String missing) {
        if (figure == null || figure.get(valueKey) == null) {
            return missing;
        }
        return String.format(
                Locale.ROOT,
                format + " [" + format + ", " + format + "] n=%d",
                figure.get(valueKey),
                figure.get("low"),
                figure.get("high"),
                figure.get("n"));
    }
}

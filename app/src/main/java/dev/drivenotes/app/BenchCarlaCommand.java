package dev.drivenotes.app;

import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.platform.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drivenotes bench carla}: our side of one synchronous CARLA tick, against the in-process
 * protocol fake that answers at once. JMH runs in-process ({@code forks(0)}), for the reason given
 * in {@link BenchSimCommand}.
 */
@Command(
        name = "carla",
        mixinStandardHelpOptions = true,
        description = {
            "CARLA backend: milliseconds per synchronous tick (ego + background vehicles: controls encoded,"
                    + " apply_batch, tick_cue, state frame decoded, ground truth) against a protocol fake on"
                    + " loopback that answers at once; --gc adds bytes allocated per tick."
        })
final class BenchCarlaCommand implements Callable<Integer> {

    /** JMH's GC profiler figure: bytes allocated per benchmark operation. */
    static final String ALLOCATED_PER_OP = "gc.alloc.rate.norm";

    @Spec
    CommandSpec spec;

    @Option(names = "--map", description = "OpenDRIVE file the fake serves, or default-town (default).")
    String map = TownGenerator.DEFAULT_TOWN;

    @Option(names = "--npcs", description = "Background vehicles (default 20).")
    int npcs = 20;

    @Option(names = "--iterations", description = "Measured iterations (default 5, after 3 warm-up iterations).")
    int iterations = 5;

    @Option(names = "--seconds", description = "Seconds per iteration (default 2).")
    int seconds = 2;

    @Option(names = "--gc", description = "Also measure bytes allocated per tick (JMH's GC profiler).")
    boolean gc;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws RunnerException {
        if (npcs < 0 || npcs > 200) {
            throw new IllegalArgumentException("--npcs: must be 0..200, was " + npcs);
        }
        if (iterations < 1 || seconds < 1) {
            throw new IllegalArgumentException("--iterations and --seconds must be positive");
        }
        Path file = BenchSimCommand.resolveMap(map);
        System.setProperty("jmh.ignoreLock", "true");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(BenchCarlaBenchmarks.class.getName() + "\\.tick$")
                .forks(0)
                .threads(1)
                .param("mapFile", file.toString())
                .param("npcs", Integer.toString(npcs))
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
        if (gc) {
            options.addProfiler(GCProfiler.class);
        }
        RunResult run = new Runner(options.build()).runSingle();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("msPerTick", run.getPrimaryResult().getScore());
        if (gc) {
            result.put("bytesPerTick", allocatedPerTick(run));
        }
        result.put("map", map);
        result.put("npcs", npcs);
        print(result);
        return 0;
    }

    private static double allocatedPerTick(RunResult run) {
        for (Map.Entry<String, Result> e : run.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith(ALLOCATED_PER_OP)) {
                return e.getValue().getScore();
            }
        }
        throw new IllegalStateException("JMH's GC profiler gave no " + ALLOCATED_PER_OP);
    }

    private void print(Map<String, Object> result) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } else {
            result.forEach((k, v) -> out.printf(
                    Locale.ROOT, "%-12s %s%n", k, v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v));
        }
        out.flush();
    }
}

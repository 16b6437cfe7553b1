package dev.drivenotes.app;

import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.town.TownSettings;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * {@code drivenotes bench sim}: embedded-simulator speed with JMH. JMH runs IN-PROCESS
 * ({@code forks(0)}): a forked JMH child would be started with the fat jar's outer classpath, which
 * holds only Spring Boot's launcher, not BOOT-INF/classes and BOOT-INF/lib. In-process runs share
 * the JVM with the command (one JIT profile), which is what a user of the embedded simulator gets.
 */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description = "Embedded simulator: env-steps per second (one thread, observation included) and map load time.")
final class BenchSimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--map", description = "OpenDRIVE file, or default-town (default).")
    String map = TownGenerator.DEFAULT_TOWN;

    @Option(names = "--npcs", description = "Background vehicles (default 0).")
    int npcs;

    @Option(names = "--steps", description = "Env-steps per measured batch (default 20000).")
    int steps = 20_000;

    @Option(names = "--iterations", description = "Measured batches (default 5, after 3 warm-up batches).")
    int iterations = 5;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws RunnerException {
        if (npcs < 0 || npcs > 1000) {
            throw new IllegalArgumentException("--npcs: must be 0..1000, was " + npcs);
        }
        if (steps < 1 || iterations < 1) {
            throw new IllegalArgumentException("--steps and --iterations must be positive");
        }
        Path file = resolveMap(map);
        double coldMs = MapFile.load(file).loadMillis();
        System.setProperty("jmh.ignoreLock", "true");
        double warmMs = score(options("load", file)
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1)));
        double batchMs = score(options("step", file)
                .warmupIterations(3)
                .warmupBatchSize(steps)
                .measurementIterations(iterations)
                .measurementBatchSize(steps));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("stepsPerSecond", steps / (batchMs / 1000));
        result.put("loadMillisCold", coldMs);
        result.put("loadMillisWarm", warmMs);
        result.put("map", map);
        result.put("npcs", npcs);
        result.put("steps", steps);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } else {
            result.forEach((k, v) -> out.printf(
                    Locale.ROOT, "%-15s %s%n", k, v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v));
        }
        out.flush();
        return 0;
    }

    private ChainedOptionsBuilder options(String method, Path file) {
        return new OptionsBuilder()
                .include(BenchSimBenchmarks.class.getName() + "\\." + method + "$")
                .forks(0)
                .threads(1)
                .param("mapFile", file.toString())
                .param("npcs", Integer.toString(npcs))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
    }

    private static double score(ChainedOptionsBuilder options) throws RunnerException {
        RunResult result = new Runner(options.build()).runSingle();
        return result.getPrimaryResult().getScore();
    }

    /** {@code default-town} generated into a temporary folder, or an .xodr file that loads (else a one-line error). */
    static Path resolveMap(String map) {
        if (TownGenerator.DEFAULT_TOWN.equals(map)) {
            try {
                Path dir = Files.createTempDirectory("drivenotes-bench");
                dir.toFile().deleteOnExit();
                return new TownGenerator(TownSettings.DEFAULT).writeTo(dir, TownGenerator.DEFAULT_TOWN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path file = Path.of(map).toAbsolutePath().normalize();
        MapFile.check(file);
        if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".xodr")) {
            throw new IllegalArgumentException("--map: " + map + " is not an .xodr file");
        }
        return file;
    }
}

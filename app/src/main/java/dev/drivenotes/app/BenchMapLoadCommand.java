package dev.drivenotes.app;

import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drivenotes bench map-load}: warm map load time with JMH, per map and per XML parser: {@code
 * parseMillis} reads the file into the OpenDRIVE model, {@code loadMillis} is the whole load of the
 * map catalog (parse, lane graph, places, index). JMH runs in-process, as in {@link BenchSimCommand}.
 */
@Command(
        name = "map-load",
        mixinStandardHelpOptions = true,
        description = "Map loading: warm parse and full load time per map, for each XML parser.")
final class BenchMapLoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--map",
            description = "OpenDRIVE file, default-town or long-spirals; repeatable (default: default-town and"
                    + " long-spirals).")
    List<String> maps = new ArrayList<>(List.of(TownGenerator.DEFAULT_TOWN, BenchMapLoadMaps.LONG_SPIRALS));

    @Option(names = "--iterations", description = "Measured iterations of one second (default 5, after 3 warm-up).")
    int iterations = 5;

    @Option(
            names = "--parser",
            description = "Measure only this XML parser: ${COMPLETION-CANDIDATES} (default: both, one after the"
                    + " other in this JVM; one per JVM avoids the first one's JIT profile favouring it).")
    OpenDriveLoader.Parser parser;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws RunnerException {
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be positive, was " + iterations);
        }
        System.setProperty("jmh.ignoreLock", "true");
        Path dir = tempDir();
        List<Map<String, Object>> results = new ArrayList<>();
        for (String map : maps) {
            Path file = resolve(map, dir);
            for (OpenDriveLoader.Parser p :
                    parser == null ? OpenDriveLoader.Parser.values() : new OpenDriveLoader.Parser[] {parser}) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("map", map);
                row.put("parser", p.name().toLowerCase(Locale.ROOT));
                row.put("parseMillis", score("parse", file, p));
                row.put("loadMillis", score("load", file, p));
                results.add(row);
            }
        }
        print(results);
        return 0;
    }

    private double score(String benchmark, Path file, OpenDriveLoader.Parser parser) throws RunnerException {
        var options = new OptionsBuilder()
                .include(BenchMapLoadBenchmarks.class.getName() + "\\." + benchmark + "$")
                .forks(0)
                .threads(1)
                .param("mapFile", file.toString())
                .param("parser", parser.name())
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();
        return new Runner(options).runSingle().getPrimaryResult().getScore();
    }

    private void print(List<Map<String, Object>> results) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("iterations", iterations);
            doc.put("results", results);
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else {
            out.printf(Locale.ROOT, "%-40s %-8s %12s %12s%n", "map", "parser", "parseMillis", "loadMillis");
            for (Map<String, Object> r : results) {
                out.printf(
                        Locale.ROOT,
                        "%-40s %-8s %12.3f %12.3f%n",
                        r.get("map"),
                        r.get("parser"),
                        r.get("parseMillis"),
                        r.get("loadMillis"));
            }
        }
        out.flush();
    }

    private static Path resolve(String map, Path dir) {
        Path builtIn = BenchMapLoadMaps.write(map, dir);
        if (builtIn != null) {
            return builtIn;
        }
        Path file = Path.of(map).toAbsolutePath().normalize();
        MapFile.check(file);
        if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".xodr")) {
            throw new IllegalArgumentException("--map: " + map + " is not an .xodr file");
        }
        return file;
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("drivenotes-bench");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.drivenotes.app;

import dev.drivenotes.carla.map.MapInspection;
import dev.drivenotes.platform.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drivenotes map inspect FILE [--json]}: counts and consistency figures of an OpenDRIVE map
 * (see {@link MapInspection}); {@code loadMillis} is one cold parse plus lane graph in this JVM.
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Load an OpenDRIVE file and print its roads, junctions, lanes and consistency figures.")
final class MapInspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "OpenDRIVE (.xodr) file.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        MapFile loaded = MapFile.load(file);
        Map<String, Object> figures = figures(loaded);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        } else {
            figures.forEach((k, v) -> out.printf(Locale.ROOT, "%-18s %s%n", k, format(v)));
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> figures(MapFile loaded) {
        MapInspection i = MapInspection.of(loaded.map(), loaded.graph());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", loaded.path().toString());
        m.put("roads", i.roads());
        m.put("junctions", i.junctions());
        m.put("drivingLanes", i.drivingLanes());
        m.put("totalRoadLengthM", i.totalRoadLengthM());
        m.put("maxPlanViewGapM", i.maxPlanViewGapM());
        m.put("maxHeadingGapRad", i.maxHeadingGapRad());
        m.put("unresolvedLinks", i.unresolvedLinks());
        m.put("loadMillis", loaded.loadMillis());
        m.put("signals", i.signals());
        m.put("trafficLights", i.trafficLights());
        m.put("stopSigns", i.stopSigns());
        m.put("laneChangeEdges", i.laneChangeEdges());
        m.put(
                "openDriveVersion",
                loaded.map().header().revMajor() + "." + loaded.map().header().revMinor());
        return m;
    }

    private static String format(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : String.valueOf(v);
    }
}

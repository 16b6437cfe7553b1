package dev.drivenotes.app;

import dev.drivenotes.platform.json.Json;
import dev.drivenotes.trainer.EvalResult;
import dev.drivenotes.trainer.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drivenotes eval}: route completion, collisions and driving score of one agent. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate an agent (dreamer, autopilot, random) in the embedded simulator.")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--agent", required = true, description = "dreamer | autopilot | random")
    String agent;

    @Option(names = "--episodes", defaultValue = "20", description = "Episodes (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "1", description = "Route seed of episode 0; episode i uses seed + i.")
    long seed;

    @Option(names = "--map", description = "OpenDRIVE file (default: the generated town).")
    Path map;

    @Option(names = "--checkpoint", description = "Dreamer checkpoint folder (default: the bundled one).")
    String checkpoint;

    @Option(names = "--max-steps", defaultValue = "6000", description = "Step limit per episode.")
    int maxSteps;

    @Option(
            names = "--npcs",
            defaultValue = "20",
            description = "Background vehicles per episode (default ${DEFAULT-VALUE}, as in run).")
    int npcs;

    @Option(names = "--data", defaultValue = ".drivenotes", description = "Folder for the generated town.")
    Path data;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        String mapRef = "default-town";
        if (map != null) {
            if (!Files.isRegularFile(map)) {
                throw new IllegalArgumentException("--map: no such file: " + map);
            }
            mapRef = map.toAbsolutePath().toString();
        }
        EvalResult r = Evaluation.run(agent, checkpoint, episodes, seed, mapRef, maxSteps, npcs, data);
        if (json) {
            System.out.println(Json.mapper().writeValueAsString(r));
        } else {
            System.out.printf(
                    "%s over %d episodes: route completion %.3f, collision rate %.3f, off-road rate %.3f,"
                            + " mean speed %.2f m/s, driving score %.3f%n",
                    r.agent(),
                    r.episodes(),
                    r.routeCompletion(),
                    r.collisionRate(),
                    r.offRoadRate(),
                    r.meanSpeedMps(),
                    r.drivingScore());
        }
        return 0;
    }
}

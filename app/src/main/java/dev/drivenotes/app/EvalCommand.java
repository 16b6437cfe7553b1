package dev.drivenotes.app;

import dev.drivenotes.platform.json.Json;
import dev.drivenotes.trainer.EvalResult;
import dev.drivenotes.trainer.Evaluation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code drivenotes eval}: route completion, collisions and driving score of one agent. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate an agent (dreamer, autopilot, autopilot-discrete, random) in the embedded simulator.")
final class EvalCommand implements Callable<Integer> {

    @Option(
            names = "--agent",
            required = true,
            description = "dreamer | autopilot | autopilot-discrete (the autopilot restricted to the dreamer's"
                    + " actions) | random")
    String agent;

    @Option(names = "--episodes", defaultValue = "20", description = "Episodes (default ${DEFAULT-VALUE}).")
    int episodes;

    @Mixin
    EpisodeOptions episode;

    @Option(names = "--checkpoint", description = "Dreamer checkpoint folder (default: the bundled one).")
    String checkpoint;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = ".drivenotes",
            description = "Folder for the generated town (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        EvalResult r = Evaluation.run(
                agent, checkpoint, episodes, episode.seed, episode.mapRef(), episode.maxSteps, episode.npcs, data);
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

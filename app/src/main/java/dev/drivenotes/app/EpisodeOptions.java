package dev.drivenotes.app;

import dev.drivenotes.model.experiment.ExperimentConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What every episode drives: map, seeds, traffic and step limit ({@code run} and {@code eval}). */
final class EpisodeOptions {

    @Option(
            names = "--map",
            paramLabel = "FILE",
            description = "OpenDRIVE (.xodr) file, checked before anything starts (default: the generated town);"
                    + " with run --simulator carla, the CARLA map to load (Town03; default: the server's).")
    Path map;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed of episode 0; episode i uses seed + i (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--npcs",
            defaultValue = "20",
            description = "Background vehicles per episode (default ${DEFAULT-VALUE}).")
    int npcs;

    @Option(
            names = "--max-steps",
            defaultValue = "6000",
            description = "Step limit per episode (default ${DEFAULT-VALUE}).")
    int maxSteps;

    /**
     * The map as the services name it: {@value ExperimentConfig#DEFAULT_MAP}, or the absolute path of
     * a file that has just loaded here (a one-line {@link IllegalArgumentException} otherwise).
     */
    String mapRef() {
        if (map == null || map.toString().equals(ExperimentConfig.DEFAULT_MAP)) {
            return ExperimentConfig.DEFAULT_MAP;
        }
        return MapFile.checkedReference(map);
    }
}

package dev.drivenotes.app;

import dev.drivenotes.trainer.TrainSettings;
import dev.drivenotes.trainer.Trainer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drivenotes train}: DreamerV3 in the in-process simulator, checkpoints to a folder. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train the DreamerV3 agent in the embedded simulator (see docs/agent.md).")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--steps", required = true, description = "Environment steps to collect in total.")
    long steps;

    @Option(
            names = "--preset",
            defaultValue = "compact",
            description = "tiny | compact | small | medium, or tiny-bev | compact-bev with the 64 px"
                    + " bird's-eye raster and a CNN (default ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--seed", defaultValue = "7", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            defaultValue = "checkpoints/dreamer",
            description = "Checkpoint folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--resume",
            description = "Continue from the checkpoint in --out: parameters, Adam state and replay.")
    boolean resume;

    @Option(names = "--envs", defaultValue = "4", description = "Environments side by side (default ${DEFAULT-VALUE}).")
    int envs;

    @Option(
            names = "--demo-envs",
            defaultValue = "1",
            description = "Of those, driven by the autopilot (default ${DEFAULT-VALUE}).")
    int demoEnvs;

    @Option(
            names = "--npcs",
            defaultValue = "20",
            description = "Background vehicles per training episode (default ${DEFAULT-VALUE}).")
    int npcs;

    @Option(names = "--data", defaultValue = ".drivenotes", description = "Folder for the generated town.")
    Path data;

    @Option(
            names = "--replay-capacity",
            defaultValue = "" + TrainSettings.DEFAULT_REPLAY_CAPACITY,
            description = "Environment steps the replay keeps, oldest dropped first (default ${DEFAULT-VALUE}).")
    long replayCapacity;

    @Override
    public Integer call() {
        if (steps < 1) {
            throw new IllegalArgumentException("--steps: must be positive, was " + steps);
        }
        TrainSettings settings = new TrainSettings(
                steps,
                preset,
                seed,
                out,
                resume,
                envs,
                demoEnvs,
                2_000,
                8,
                8,
                32,
                1_500,
                npcs,
                data,
                "default-town",
                replayCapacity);
        new Trainer(settings, System.out, System.getProperty("drivenotes.commit", "unknown")).run();
        return 0;
    }
}

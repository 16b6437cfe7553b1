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
            defaultValue = TrainSettings.DEFAULT_PRESET,
            description = "tiny | compact | small | medium, or tiny-bev | compact-bev with the 64 px"
                    + " bird's-eye raster and a CNN (default ${DEFAULT-VALUE}).")
    String preset;

    @Option(
            names = "--seed",
            defaultValue = "" + TrainSettings.DEFAULT_SEED,
            description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            defaultValue = TrainSettings.DEFAULT_OUT,
            description = "Checkpoint folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--resume",
            description = "Continue from the checkpoint in --out: parameters, Adam state and replay.")
    boolean resume;

    @Option(
            names = "--init-from",
            paramLabel = "DIR",
            description = "Start from this checkpoint's parameters (a fresh narration head when it has none),"
                    + " with fresh optimiser state and an empty replay.")
    Path initFrom;

    @Option(
            names = "--narration-only",
            description = "Train only the narration head (with --init-from: the checkpoint drives exactly as before).")
    boolean narrationOnly;

    @Option(
            names = "--envs",
            defaultValue = "" + TrainSettings.DEFAULT_ENVS,
            description = "Environments side by side (default ${DEFAULT-VALUE}).")
    int envs;

    @Option(
            names = "--demo-envs",
            defaultValue = "" + TrainSettings.DEFAULT_DEMO_ENVS,
            description = "Of those, driven by the autopilot (default ${DEFAULT-VALUE}).")
    int demoEnvs;

    @Option(
            names = "--npcs",
            defaultValue = "" + TrainSettings.DEFAULT_NPCS,
            description = "Background vehicles per training episode (default ${DEFAULT-VALUE}).")
    int npcs;

    @Option(
            names = "--data",
            defaultValue = TrainSettings.DEFAULT_DATA_DIR,
            description = "Folder for the generated town.")
    Path data;

    @Option(
            names = "--replay-capacity",
            defaultValue = "" + TrainSettings.DEFAULT_REPLAY_CAPACITY,
            description = "Environment steps the replay keeps, oldest dropped first (default ${DEFAULT-VALUE}).")
    long replayCapacity;

    @Option(
            names = "--missed-turn-rate",
            paramLabel = "R",
            defaultValue = "0",
            description = "Share of junctions, 0..1, the ego leaves by another maneuver than its plan on purpose"
                    + " (teaches the narration head what was done, not what was planned; default ${DEFAULT-VALUE}).")
    double missedTurnRate;

    @Override
    public Integer call() {
        new Trainer(settings(), System.out, System.getProperty("drivenotes.commit", "unknown")).run();
        return 0;
    }

    /** The training settings the options name; the others keep {@link TrainSettings#defaults}. */
    TrainSettings settings() {
        if (steps < 1) {
            throw new IllegalArgumentException("--steps: must be positive, was " + steps);
        }
        return TrainSettings.defaults(steps)
                .preset(preset)
                .seed(seed)
                .out(out)
                .resume(resume)
                .initFrom(initFrom)
                .narrationOnly(narrationOnly)
                .envs(envs, demoEnvs)
                .npcs(npcs)
                .dataDir(data)
                .replayCapacity(replayCapacity)
                .missedTurnRate(missedTurnRate)
                .build();
    }
}

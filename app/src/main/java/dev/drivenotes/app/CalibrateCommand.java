package dev.drivenotes.app;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.trainer.Calibrate;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drivenotes calibrate}: fits the dreamer narration head's temperature on validation seeds. */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = "Fit the narration head's temperature of a dreamer checkpoint on validation seeds (below"
                + " 1 000 000, outside the evaluation seeds 900..919), store it in its checkpoint.json and print"
                + " maneuver accuracy and ECE before and after (see docs/agent.md).")
final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "Dreamer checkpoint folder.")
    Path checkpoint;

    @Option(names = "--episodes", defaultValue = "40", description = "Episodes (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(
            names = "--seed",
            defaultValue = "600",
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

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = ".drivenotes",
            description = "Folder for the generated town (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--missed-turn-rate",
            paramLabel = "R",
            defaultValue = "0",
            description = "Share of junctions, 0..1, the ego leaves by another maneuver than its plan on purpose:"
                    + " figures of how the head narrates missed turns (default ${DEFAULT-VALUE}).")
    double missedTurnRate;

    @Option(
            names = "--dry-run",
            description = "Print the figures without writing the temperature (on seeds other than the fitting ones:"
                    + " held-out figures of the stored temperature).")
    boolean dryRun;

    @Override
    public Integer call() {
        Calibrate.Result r = Calibrate.run(
                checkpoint,
                new Calibrate.Drives(
                        episodes, seed, ExperimentConfig.DEFAULT_MAP, maxSteps, npcs, missedTurnRate, data),
                !dryRun);
        System.out.println(r.lines());
        System.out.println(
                dryRun ? "not written (--dry-run)" : "temperature written to " + checkpoint.resolve("checkpoint.json"));
        return 0;
    }
}

package dev.drivenotes.trainer;

import java.nio.file.Path;

/**
 * Plain entry point for long background runs without the CLI: {@code TrainerMain STEPS PRESET SEED
 * OUT [resume|fresh [NPCS]]} (the same defaults as {@code ./drivenotes train}).
 */
public final class TrainerMain {

    private TrainerMain() {}

    public static void main(String[] args) {
        TrainSettings settings = new TrainSettings(
                Long.parseLong(args[0]),
                args[1],
                Long.parseLong(args[2]),
                Path.of(args[3]),
                args.length > 4 && args[4].equals("resume"),
                4,
                1,
                2_000,
                8,
                8,
                32,
                1_500,
                args.length > 5 ? Integer.parseInt(args[5]) : 20,
                Path.of(".drivenotes"),
                "default-town",
                TrainSettings.DEFAULT_REPLAY_CAPACITY);
        new Trainer(settings, System.out, System.getProperty("drivenotes.commit", "unknown")).run();
    }
}

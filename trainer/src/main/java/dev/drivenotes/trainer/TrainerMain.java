package dev.drivenotes.trainer;

import java.nio.file.Path;

/**
 * Plain entry point for long background runs without the CLI: {@code TrainerMain STEPS PRESET SEED
 * OUT [resume|fresh|init-from=DIR|narration-from=DIR [NPCS]]} (the same defaults as {@code
 * ./drivenotes train}; {@code init-from=DIR} starts from a checkpoint's parameters, {@code
 * narration-from=DIR} too but trains only the narration head).
 */
public final class TrainerMain {

    private TrainerMain() {}

    public static void main(String[] args) {
        TrainSettings.Builder settings = TrainSettings.defaults(Long.parseLong(args[0]))
                .preset(args[1])
                .seed(Long.parseLong(args[2]))
                .out(Path.of(args[3]))
                .resume(args.length > 4 && args[4].equals("resume"));
        if (args.length > 4 && args[4].startsWith("init-from=")) {
            settings.initFrom(Path.of(args[4].substring("init-from=".length())));
        } else if (args.length > 4 && args[4].startsWith("narration-from=")) {
            settings.initFrom(Path.of(args[4].substring("narration-from=".length())))
                    .narrationOnly(true);
        }
        if (args.length > 5) {
            settings.npcs(Integer.parseInt(args[5]));
        }
        new Trainer(settings.build(), System.out, System.getProperty("drivenotes.commit", "unknown")).run();
    }
}

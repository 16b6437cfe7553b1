package dev.drivenotes.app;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code drivenotes up}: starts the four services and serves until Ctrl-C. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Start the four services locally (one JVM, in-process event bus) and serve until Ctrl-C.",
            "The ports (and, with --simulator carla, the CARLA server) are checked before anything starts;",
            "the services log to DATA/logs/<service>.json."
        })
final class UpCommand implements Callable<Integer> {

    @Mixin
    SuiteOptions suite;

    @Mixin
    SimulatorOptions simulator;

    @Option(
            names = "--verbose",
            description =
                    "Show the services' INFO lines on the terminal too (DATA/logs/<service>.json always has them).")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        SimulatorBackend backend = simulator.backend(null);
        if (backend.isCarla()) {
            backend.checkCarlaServer();
        }
        long started = System.nanoTime();
        Suite.Settings settings = suite.settings(verbose, backend);
        System.out.printf(
                "Starting DriveNotes (logs in %s)%n", settings.dataDir().resolve("logs"));
        Suite running = Suite.start(
                settings, Map.of(), (service, url) -> System.out.println(RunCommand.readyLine(service, url, started)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }));
        System.out.println("DriveNotes is up (Ctrl-C stops it):");
        running.urls().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> System.out.printf("  %-16s %s%n", e.getKey(), e.getValue()));
        System.out.println("  data             " + suite.data.toAbsolutePath().normalize());
        stopped.await();
        return 0;
    }
}

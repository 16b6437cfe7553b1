package dev.drivenotes.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drivenotes up}: starts the four services and serves until Ctrl-C. */
@Command(name = "up", description = "Start the four services locally and serve until Ctrl-C.")
final class UpCommand implements Callable<Integer> {

    @Option(
            names = "--port-base",
            defaultValue = "8080",
            description = "Orchestrator port; carla-runner, dreamer-service, reporter take the next three.")
    int portBase;

    @Option(names = "--data", defaultValue = ".drivenotes", description = "Folder for state, DuckDB and artifacts.")
    Path data;

    @Override
    public Integer call() throws InterruptedException {
        Suite suite = Suite.start(new Suite.Settings(portBase, data, true));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            suite.close();
            stopped.countDown();
        }));
        System.out.println("DriveNotes is up (Ctrl-C stops it):");
        suite.urls().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByValue())
                .forEach(e -> System.out.printf("  %-16s %s%n", e.getKey(), e.getValue()));
        System.out.println("  data             " + data.toAbsolutePath().normalize());
        stopped.await();
        return 0;
    }
}

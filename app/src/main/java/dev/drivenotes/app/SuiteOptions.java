package dev.drivenotes.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the local suite listens and keeps its files: the options {@code run} and {@code up} share. */
final class SuiteOptions {

    @Option(
            names = "--port-base",
            paramLabel = "P",
            defaultValue = "8080",
            description = "First of four consecutive ports (default ${DEFAULT-VALUE}); see Ports below.")
    int portBase;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = ".drivenotes",
            description = "Folder for every local file: state, DuckDB, artifacts, generated maps"
                    + " (default ${DEFAULT-VALUE}).")
    Path data;

    Suite.Settings settings(boolean verbose) {
        return settings(verbose, SimulatorBackend.EMBEDDED);
    }

    Suite.Settings settings(boolean verbose, SimulatorBackend simulator) {
        return new Suite.Settings(portBase, data, verbose, simulator);
    }
}

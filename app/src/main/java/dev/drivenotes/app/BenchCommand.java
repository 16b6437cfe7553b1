package dev.drivenotes.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code drivenotes bench <what>}: JMH-backed benchmarks; figures go to docs/benchmarks.md. */
@Command(
        name = "bench",
        description = "Run a benchmark (see docs/benchmarks.md).",
        subcommands = {BenchSimCommand.class, BenchInferenceCommand.class, BenchMapLoadCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name a benchmark: " + spec.subcommands().keySet());
    }
}

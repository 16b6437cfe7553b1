package dev.drivenotes.app;

import picocli.CommandLine.Command;

/** {@code drivenotes bench <what>}: JMH-backed benchmarks; figures go to docs/benchmarks.md. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a benchmark (see docs/benchmarks.md).",
        subcommands = {
            BenchSimCommand.class,
            BenchInferenceCommand.class,
            BenchMapLoadCommand.class,
            BenchCarlaCommand.class,
            BenchE2eCommand.class
        })
final class BenchCommand {}

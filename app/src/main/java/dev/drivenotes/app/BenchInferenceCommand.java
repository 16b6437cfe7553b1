package dev.drivenotes.app;

import dev.drivenotes.platform.json.Json;
import dev.drivenotes.trainer.InferenceBench;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drivenotes bench inference}: dreamer decision latency and throughput per batch size. */
@Command(
        name = "inference",
        mixinStandardHelpOptions = true,
        description = "Dreamer agent: latency (p50, p99) and observations per second per batch size.")
final class BenchInferenceCommand implements Callable<Integer> {

    @Option(
            names = "--batch",
            split = ",",
            defaultValue = "1,8,64",
            description = "Batch sizes (default ${DEFAULT-VALUE}).")
    int[] batches;

    @Option(names = "--iterations", defaultValue = "2000", description = "Timed calls per batch size.")
    int iterations;

    @Option(names = "--checkpoint", description = "Checkpoint folder (default: the bundled one).")
    String checkpoint;

    @Option(
            names = "--djl",
            description = "Time the DJL implementation instead of the served one (fused Java), to compare.")
    boolean djl;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<InferenceBench.BatchTiming> timings = InferenceBench.run(checkpoint, batches, iterations, djl);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(Map.of("batches", timings)));
        } else {
            out.println("batch sizes " + Arrays.toString(batches) + ", " + iterations + " timed calls each");
            timings.forEach(t -> out.printf(
                    "batch %4d  %s  p50 %.3f ms  p99 %.3f ms  %.0f obs/s%n",
                    t.batch(), t.engine(), t.p50Ms(), t.p99Ms(), t.obsPerSecond()));
        }
        out.flush();
        return 0;
    }
}

package dev.drivenotes.app;

import dev.drivenotes.model.sim.SimulationState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** The JMH benchmark behind {@code drivenotes bench carla}. Public for JMH's generated harness. */
public class BenchCarlaBenchmarks {

    /** One synchronous tick: ego control + background vehicles, apply_batch, tick_cue, frame, ground truth. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SimulationState tick(BenchCarlaState carla) {
        return carla.step();
    }
}

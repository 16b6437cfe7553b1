package dev.drivenotes.app;

import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneGraphBuilder;
import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.model.sim.SimulationState;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The JMH benchmarks behind {@code drivenotes bench sim}. Public for JMH's generated harness. */
public class BenchSimBenchmarks {

    /** The map file to load. */
    @State(Scope.Benchmark)
    public static class MapFileState {
        @Param("")
        public String mapFile;
    }

    /** One batch = {@code --steps} env-steps; the command divides. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SimulationState step(BenchSimState sim) {
        return sim.step();
    }

    /** Parse + lane graph, warm. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LaneGraph load(MapFileState map) {
        return LaneGraphBuilder.build(OpenDriveLoader.load(Path.of(map.mapFile)));
    }
}

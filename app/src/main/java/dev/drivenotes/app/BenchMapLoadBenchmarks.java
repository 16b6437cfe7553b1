package dev.drivenotes.app;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.places.PlacesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The JMH benchmarks behind {@code drivenotes bench map-load}. Public for JMH's generated harness. */
public class BenchMapLoadBenchmarks {

    /** The map file and the XML parser to read it with. */
    @State(Scope.Benchmark)
    public static class Input {
        @Param("")
        public String mapFile;

        @Param("STAX")
        public String parser;

        Path path;
        OpenDriveLoader.Parser xmlParser;

        @Setup(Level.Trial)
        public void setUp() {
            path = Path.of(mapFile);
            xmlParser = OpenDriveLoader.Parser.valueOf(parser);
        }
    }

    /** Reading the file into the OpenDRIVE model. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public OpenDriveMap parse(Input in) {
        return OpenDriveLoader.load(in.path, in.xmlParser);
    }

    /** The whole load as the map catalog does it: parse, places sidecar, lane graph, places, index. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LoadedMap load(Input in) {
        OpenDriveMap map = OpenDriveLoader.load(in.path, in.xmlParser);
        Path sidecar = PlacesFile.sidecarOf(in.path);
        return LoadedMap.of(in.mapFile, map, Files.isRegularFile(sidecar) ? PlacesFile.read(sidecar) : null);
    }
}

package dev.drivenotes.carla.map.opendrive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.map.geometry.Geometry;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.town.TownSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner maps are loaded with and StAX, the benchmark's reference, read the same model. */
class ParsersAgreeTest {

    /** Everything the model holds, with geometry as positions sampled along each record. */
    private static List<String> model(OpenDriveMap map) {
        List<String> out = new ArrayList<>();
        out.add(map.header().toString());
        double[] pose = new double[3];
        for (Road road : map.roads().values()) {
            out.add(road.id() + " " + road.name() + " " + road.length() + " " + road.junctionId() + " "
                    + road.predecessor() + " " + road.successor() + " " + road.laneOffsets() + " "
                    + road.sections() + " " + road.speedLimits() + " " + road.elevations() + " " + road.types());
            for (Geometry g : road.geometries()) {
                for (int i = 0; i <= 4; i++) {
                    g.evaluate(g.length() * i / 4, pose);
                    out.add(g.getClass().getSimpleName() + " " + g.s() + " " + pose[0] + " " + pose[1] + " " + pose[2]);
                }
            }
        }
        for (Junction j : map.junctions().values()) {
            out.add(j.id() + " " + j.name() + " " + j.type() + " " + j.controllerIds());
            j.connections()
                    .forEach(c -> out.add(c.incomingRoad() + ">" + c.connectingRoad() + " " + c.contactPoint() + " "
                            + c.laneLinks().stream().map(l -> l[0] + ":" + l[1]).toList()));
        }
        out.add(map.signals().toString());
        out.add(map.signalReferences().toString());
        out.add(map.controllers().toString());
        return out;
    }

    private static void assertAgree(byte[] xml) {
        List<String> scanned = model(OpenDriveLoader.parse(xml, "map.xodr", OpenDriveLoader.Parser.SCANNER));
        List<String> stax = model(OpenDriveLoader.parse(xml, "map.xodr", OpenDriveLoader.Parser.STAX));
        assertThat(scanned).hasSizeGreaterThan(10).isEqualTo(stax);
    }

    @Test
    void onTheFeatureMap() {
        assertAgree(TestMaps.featuresXml());
    }

    @Test
    void onTheGeneratedTown(@TempDir Path dir) throws IOException {
        assertAgree(
                Files.readAllBytes(new TownGenerator(TownSettings.DEFAULT).writeTo(dir, TownGenerator.DEFAULT_TOWN)));
    }

    @Test
    void onTown01() throws IOException {
        assertAgree(Files.readAllBytes(TestMaps.shared("Town01.xodr")));
    }
}

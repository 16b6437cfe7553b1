package dev.drivenotes.carla.map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.places.PlacesFile;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.town.TownSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The maps tests run on: the generated default town, our OpenDRIVE feature map ({@code
 * maps/features.xodr}), the stop-sign junction ({@code maps/stop_signs.xodr}), small roads written
 * inline, and the team's shared sample maps.
 */
public final class TestMaps {

    /** Width of every lane of {@link #straight}. */
    public static final double LANE_WIDTH_M = 3.5;

    private TestMaps() {}

    /** A catalog that knows {@code default-town}, written into {@code dir} when first loaded. */
    public static MapCatalog defaultTownCatalog(Path dir) {
        return new MapCatalog(Map.of(
                TownGenerator.DEFAULT_TOWN,
                () -> new TownGenerator(TownSettings.DEFAULT).writeTo(dir, TownGenerator.DEFAULT_TOWN)));
    }

    /** The generated default town, written into {@code dir} and loaded. */
    public static LoadedMap defaultTown(Path dir) {
        return defaultTownCatalog(dir).load(TownGenerator.DEFAULT_TOWN);
    }

    /** The text of {@code maps/features.xodr}: every planView record type, signals, direct junctions... */
    public static byte[] featuresXml() {
        try (InputStream in = TestMaps.class.getResourceAsStream("/maps/features.xodr")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OpenDriveMap features() {
        return OpenDriveLoader.parse(new ByteArrayInputStream(featuresXml()), "features.xodr");
    }

    /**
     * The stop-sign map ({@code maps/stop_signs.xodr}: the 4-way junction "Stop Cross" with stop
     * signs on its west and east approaches, POIs "West Gate", "East Gate", "South Gate" and "North
     * Gate") and its places file, copied into {@code dir}; answers the map's path.
     */
    public static Path stopSigns(Path dir) {
        Path xodr = dir.resolve("stop_signs.xodr");
        try {
            Files.createDirectories(dir);
            for (Path file : new Path[] {xodr, PlacesFile.sidecarOf(xodr)}) {
                try (InputStream in = TestMaps.class.getResourceAsStream("/maps/" + file.getFileName())) {
                    Files.write(file, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return xodr;
    }

    /**
     * One straight road "1" of {@code lengthM} along +x from the origin, without links, with {@code
     * right} driving lanes (ids -1, -2, ...: centres at y = -1.75, -5.25, ...) and {@code left} ones
     * (1, 2, ...), each separated from the next by a {@code mark} ("broken", "solid", ...).
     */
    public static OpenDriveMap straight(double lengthM, int right, int left, String mark) {
        StringBuilder lanes = new StringBuilder("<left>");
        for (int id = left; id >= 1; id--) {
            lanes.append(lane(id, mark));
        }
        lanes.append("</left><center><lane id=\"0\" type=\"none\"><roadMark sOffset=\"0\" type=\"solid\"/></lane>")
                .append("</center><right>");
        for (int id = -1; id >= -right; id--) {
            lanes.append(lane(id, mark));
        }
        lanes.append("</right>");
        String xml = "<OpenDRIVE><header revMajor=\"1\" revMinor=\"4\"/><road id=\"1\" length=\"" + lengthM
                + "\" junction=\"-1\"><planView><geometry s=\"0\" x=\"0\" y=\"0\" hdg=\"0\" length=\"" + lengthM
                + "\"><line/></geometry></planView><lanes><laneSection s=\"0\">" + lanes
                + "</laneSection></lanes></road></OpenDRIVE>";
        return OpenDriveLoader.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xodr");
    }

    private static String lane(int id, String mark) {
        return "<lane id=\"" + id + "\" type=\"driving\"><width sOffset=\"0\" a=\"" + LANE_WIDTH_M
                + "\" b=\"0\" c=\"0\" d=\"0\"/><roadMark sOffset=\"0\" type=\"" + mark + "\"/></lane>";
    }

    /**
     * A shared sample map: {@code ../shared/maps} seen from the repository root, which is {@code
     * ../../shared/maps} from the module directory where Surefire runs. Skips the calling test when it
     * is absent (a user's clone has no ../shared).
     */
    public static Path shared(String file) {
        Optional<Path> path = Stream.of(
                        Path.of("..", "shared", "maps", file), Path.of("..", "..", "shared", "maps", file))
                .filter(Files::isRegularFile)
                .findFirst();
        assumeTrue(path.isPresent(), "../shared/maps/" + file + " absent (a user's clone has no ../shared): skipping");
        return path.orElseThrow();
    }
}

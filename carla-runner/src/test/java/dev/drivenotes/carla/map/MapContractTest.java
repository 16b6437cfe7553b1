package dev.drivenotes.carla.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.carla.map.lanes.LaneGraphBuilder;
import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance contract of {@code map inspect} on every shared map and on our own feature map:
 * road and junction counts and the summed road lengths are read from the raw text with regular
 * expressions (independently of the loader), planView gaps stay under a centimetre, every link
 * resolves.
 */
class MapContractTest {

    private static final Pattern ROAD = Pattern.compile("<road\\s[^>]*?\\blength=\"([^\"]+)\"");
    private static final Pattern JUNCTION = Pattern.compile("<junction\\s[^>]*\\bid=");

    private static Path map(String name) throws IOException {
        if (name.equals("features.xodr")) {
            return Files.write(Files.createTempFile("features", ".xodr"), TestMaps.featuresXml());
        }
        return TestMaps.shared(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Town01.xodr", "curves.xodr", "simple_4way_intersection.xodr", "features.xodr"})
    void inspectionMatchesTheRawFile(String name) throws IOException {
        Path file = map(name);
        String text = Files.readString(file);
        int roads = 0;
        double lengthSum = 0;
        Matcher m = ROAD.matcher(text);
        while (m.find()) {
            roads++;
            lengthSum += Double.parseDouble(m.group(1));
        }
        long junctions = JUNCTION.matcher(text).results().count();

        OpenDriveMap map = OpenDriveLoader.load(file);
        MapInspection inspection = MapInspection.of(map, LaneGraphBuilder.build(map));

        assertThat(inspection.roads()).isEqualTo(roads);
        assertThat(inspection.junctions()).isEqualTo((int) junctions);
        assertThat(inspection.totalRoadLengthM()).isCloseTo(lengthSum, within(1e-6));
        assertThat(inspection.maxPlanViewGapM()).isLessThan(0.01);
        assertThat(inspection.maxHeadingGapRad()).isLessThan(0.01);
        assertThat(inspection.unresolvedLinks()).isZero();
        assertThat(inspection.drivingLanes()).isPositive();
    }
}

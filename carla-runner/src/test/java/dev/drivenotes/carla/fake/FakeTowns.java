package dev.drivenotes.carla.fake;

import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.town.TownSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Fake CARLA worlds for tests: CARLA's Town01 (its OpenDRIVE from the team's shared maps) when the
 * clone has {@code ../shared/maps}, else the generated town under the name {@code DriveNotesTown}.
 */
public final class FakeTowns {

    private FakeTowns() {}

    /** The map's name as CARLA's get_map_info gives it and its OpenDRIVE text. */
    public record Town(String mapName, String openDrive) {

        /** The short name: the map reference simulations use. */
        public String reference() {
            return mapName.substring(mapName.lastIndexOf('/') + 1);
        }

        public FakeWorld world() {
            return new FakeWorld(mapName, openDrive);
        }
    }

    public static Town town(Path scratch) {
        Optional<Path> town01 = Stream.of(
                        Path.of("..", "shared", "maps", "Town01.xodr"),
                        Path.of("..", "..", "shared", "maps", "Town01.xodr"))
                .filter(Files::isRegularFile)
                .findFirst();
        try {
            if (town01.isPresent()) {
                return new Town("Carla/Maps/Town01", Files.readString(town01.get()));
            }
            Path file = new TownGenerator(TownSettings.DEFAULT).writeTo(scratch, "generated");
            return new Town("Carla/Maps/DriveNotesTown", Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

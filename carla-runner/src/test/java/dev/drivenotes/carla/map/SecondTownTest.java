package dev.drivenotes.carla.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.episode.RouteChooser;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.town.TownGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second generated layout, read back through the real loader as a simulator loads it. */
class SecondTownTest {

    @TempDir
    Path dir;

    @Test
    void theSecondLayoutLoadsWithPlacesAndRoutesAndDiffersFromTheDefaultTown() throws Exception {
        MapCatalog catalog = new MapCatalog(TownGenerator.builtIns(dir));
        LoadedMap second = catalog.load(TownGenerator.SECOND_TOWN);
        LoadedMap first = catalog.load(TownGenerator.DEFAULT_TOWN);

        assertThat(second.places().junctions())
                .hasSizeGreaterThan(first.places().junctions().size());
        assertThat(second.places().pois()).hasSizeGreaterThanOrEqualTo(2);
        PlannedRoute route = RouteChooser.choose(second, 900, null);
        assertThat(route.route().lengthM()).isGreaterThanOrEqualTo(RouteChooser.MIN_LENGTH_M);
        assertThat(route.route().junctions()).isNotEmpty();
        assertThat(Files.readString(dir.resolve(TownGenerator.SECOND_TOWN + ".xodr")))
                .isNotEqualTo(Files.readString(dir.resolve(TownGenerator.DEFAULT_TOWN + ".xodr")));
    }

    @Test
    void theSecondLayoutIsTheSameFileEveryTime() throws Exception {
        Path again = Files.createDirectories(dir.resolve("again"));
        TownGenerator.builtIns(dir).get(TownGenerator.SECOND_TOWN).get();
        TownGenerator.builtIns(again).get(TownGenerator.SECOND_TOWN).get();

        assertThat(Files.readString(again.resolve(TownGenerator.SECOND_TOWN + ".xodr")))
                .isEqualTo(Files.readString(dir.resolve(TownGenerator.SECOND_TOWN + ".xodr")));
    }
}

package dev.drivenotes.trainer;

import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.sim.embedded.EmbeddedSimulator;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.town.TownSettings;
import java.nio.file.Path;
import java.util.Map;

/** The embedded simulator in-process, with the generated default town written under a data folder. */
final class Simulators {

    private Simulators() {}

    static EmbeddedSimulator embedded(Path dataDir) {
        Path mapsDir = dataDir.resolve("maps");
        TownGenerator town = new TownGenerator(TownSettings.DEFAULT);
        return new EmbeddedSimulator(new MapCatalog(
                Map.of(TownGenerator.DEFAULT_TOWN, () -> town.writeTo(mapsDir, TownGenerator.DEFAULT_TOWN))));
    }
}

package dev.drivenotes.carla;

import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.carla.sim.embedded.EmbeddedSimulator;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.town.TownSettings;
import dev.drivenotes.platform.PlatformProperties;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the map catalog (with the generated {@code default-town}, written once into
 * {@code ${drivenotes.data-dir}/maps}) and the embedded simulator.
 */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    @Bean
    MapCatalog mapCatalog(PlatformProperties properties) {
        Path mapsDir = properties.dataDir().resolve("maps");
        TownGenerator town = new TownGenerator(TownSettings.DEFAULT);
        return new MapCatalog(
                Map.of(TownGenerator.DEFAULT_TOWN, () -> town.writeTo(mapsDir, TownGenerator.DEFAULT_TOWN)));
    }

    @Bean
    Simulator simulator(MapCatalog maps) {
        return new EmbeddedSimulator(maps);
    }
}

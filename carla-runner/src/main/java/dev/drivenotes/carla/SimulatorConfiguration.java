package dev.drivenotes.carla;

import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.carla.sim.carla.CarlaSimulator;
import dev.drivenotes.carla.sim.carla.ServerMap;
import dev.drivenotes.carla.sim.embedded.EmbeddedSimulator;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.platform.PlatformProperties;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the simulator backend ({@code drivenotes.simulator.backend}) and its map catalog. The
 * embedded backend's catalog has the generated {@code default-town} (written once into {@code
 * ${drivenotes.data-dir}/maps}) and .xodr files; the CARLA backend's has the map the server has
 * loaded, fetched from it at startup into {@code ${drivenotes.data-dir}/maps/carla}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SimulatorProperties.class, CarlaProperties.class})
class SimulatorConfiguration {

    @Bean
    @ConditionalOnProperty(name = "drivenotes.simulator.backend", havingValue = SimulatorProperties.CARLA)
    ServerMap serverMap(PlatformProperties properties, CarlaProperties carla) {
        return ServerMap.fetch(
                carla.endpoint(),
                carla.map(),
                carla.mapLoadTimeout(),
                properties.dataDir().resolve("maps").resolve("carla"));
    }

    @Bean
    MapCatalog mapCatalog(PlatformProperties properties, ObjectProvider<ServerMap> serverMap) {
        ServerMap server = serverMap.getIfAvailable();
        if (server != null) {
            return new MapCatalog(Map.of(server.name(), server::xodr));
        }
        return new MapCatalog(TownGenerator.builtIns(properties.dataDir().resolve("maps")));
    }

    @Bean
    Simulator simulator(
            MapCatalog maps,
            SimulatorProperties simulator,
            CarlaProperties carla,
            ObjectProvider<ServerMap> serverMap) {
        if (simulator.backend().equals(SimulatorProperties.CARLA)) {
            return new CarlaSimulator(
                    carla.endpoint(), maps, serverMap.getObject().name());
        }
        return new EmbeddedSimulator(maps);
    }
}

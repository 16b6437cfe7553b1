package dev.drivenotes.carla;

import dev.drivenotes.carla.client.CarlaEndpoint;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CARLA server the {@code carla} backend drives ({@code drivenotes.carla.*}).
 *
 * @param host the server's host
 * @param port its RPC port (its streams are announced by the server, by default on port + 1)
 * @param map a map to load when carla-runner starts ({@code Town01}, {@code /Game/Carla/Maps/Town02});
 *     blank to use the map the server has loaded
 * @param connectTimeout limit on opening a connection
 * @param callTimeout limit on every answer of the server: a call's reply, a tick's frame
 * @param mapLoadTimeout limit on loading {@code map}
 */
@ConfigurationProperties("drivenotes.carla")
record CarlaProperties(
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("2000") int port,
        @DefaultValue("") String map,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("10s") Duration callTimeout,
        @DefaultValue("120s") Duration mapLoadTimeout) {

    CarlaProperties {
        if (mapLoadTimeout == null || mapLoadTimeout.isNegative() || mapLoadTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "drivenotes.carla.map-load-timeout must be positive, was " + mapLoadTimeout);
        }
        endpoint(host, port, connectTimeout, callTimeout);
    }

    CarlaEndpoint endpoint() {
        return endpoint(host, port, connectTimeout, callTimeout);
    }

    private static CarlaEndpoint endpoint(String host, int port, Duration connectTimeout, Duration callTimeout) {
        try {
            return new CarlaEndpoint(host, port, connectTimeout, callTimeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("drivenotes.carla: " + e.getMessage(), e);
        }
    }
}

package dev.drivenotes.app;

import dev.drivenotes.carla.client.CarlaClient;
import dev.drivenotes.carla.client.CarlaEndpoint;
import dev.drivenotes.carla.client.protocol.MapInfo;
import java.time.Duration;
import java.util.List;

/**
 * Which simulator carla-runner drives in the local suite: its own embedded simulator, or a running
 * CARLA 0.9.15 server ({@code drivenotes.simulator.backend=carla} with {@code drivenotes.carla.*}).
 *
 * @param name {@link #EMBEDDED_NAME} or {@link #CARLA_NAME}
 * @param carlaHost the CARLA server's host (carla only)
 * @param carlaPort its RPC port (carla only)
 * @param carlaMap a map for the server to load first ({@code Town03}); blank for the one it has loaded
 */
public record SimulatorBackend(String name, String carlaHost, int carlaPort, String carlaMap) {

    static final String EMBEDDED_NAME = "embedded";
    static final String CARLA_NAME = "carla";

    /** Limits on reaching the server: together well within the launcher's 30 s to refuse a server. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /** carla-runner's own simulator. */
    public static final SimulatorBackend EMBEDDED = new SimulatorBackend(EMBEDDED_NAME, "", 0, "");

    public SimulatorBackend {
        if (!name.equals(EMBEDDED_NAME) && !name.equals(CARLA_NAME)) {
            throw new IllegalArgumentException(
                    "--simulator: expected " + EMBEDDED_NAME + " or " + CARLA_NAME + " (was " + name + ")");
        }
        carlaHost = carlaHost == null ? "" : carlaHost.strip();
        carlaMap = carlaMap == null ? "" : carlaMap.strip();
        if (name.equals(CARLA_NAME)) {
            if (carlaHost.isEmpty()) {
                throw new IllegalArgumentException("--carla-host: must name a host");
            }
            if (carlaPort < 1 || carlaPort > 65534) {
                throw new IllegalArgumentException(
                        "--carla-port: must be between 1 and 65534, the streams use the port after it (was " + carlaPort
                                + ")");
            }
        }
    }

    boolean isCarla() {
        return name.equals(CARLA_NAME);
    }

    CarlaEndpoint endpoint() {
        return new CarlaEndpoint(carlaHost, carlaPort, CONNECT_TIMEOUT, CALL_TIMEOUT);
    }

    /**
     * Connects to the CARLA server and checks its version before anything starts, so that a server
     * that is absent or of another release is refused in seconds with its one-line reason.
     *
     * @return the map reference the experiment drives: {@code carlaMap}'s short name when given
     *     (carla-runner loads it), else the short name of the map the server has loaded
     * @throws dev.drivenotes.carla.client.CarlaException naming the server when it cannot be used
     */
    String checkCarlaServer() {
        try (CarlaClient client = CarlaClient.connectChecked(endpoint())) {
            return carlaMap.isEmpty() ? client.mapInfo().shortName() : MapInfo.shortName(carlaMap);
        }
    }

    /** carla-runner's properties for this backend (none for the embedded one, whose defaults they are). */
    List<String> carlaRunnerProperties() {
        if (!isCarla()) {
            return List.of();
        }
        return List.of(
                "drivenotes.simulator.backend=" + CARLA_NAME,
                "drivenotes.carla.host=" + carlaHost,
                "drivenotes.carla.port=" + carlaPort,
                "drivenotes.carla.map=" + carlaMap,
                "drivenotes.carla.connect-timeout=" + CONNECT_TIMEOUT.toSeconds() + "s",
                "drivenotes.carla.call-timeout=" + CALL_TIMEOUT.toSeconds() + "s");
    }
}

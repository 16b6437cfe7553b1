package dev.drivenotes.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code run}'s choice of simulator: carla-runner's embedded one or a running CARLA 0.9.15 server. */
final class SimulatorOptions {

    @Option(
            names = "--simulator",
            defaultValue = SimulatorBackend.EMBEDDED_NAME,
            description = "embedded (carla-runner's own simulator, default) | carla (a running CARLA 0.9.15"
                    + " server at --carla-host:--carla-port; --map then names a CARLA map to load, default the"
                    + " map the server has loaded)")
    String simulator;

    @Option(
            names = "--carla-host",
            paramLabel = "H",
            defaultValue = "127.0.0.1",
            description = "The CARLA server's host (default ${DEFAULT-VALUE}).")
    String carlaHost;

    @Option(
            names = "--carla-port",
            paramLabel = "P",
            defaultValue = "2000",
            description = "The CARLA server's RPC port; its streams are on the next port (default ${DEFAULT-VALUE}).")
    int carlaPort;

    /**
     * The backend chosen; a one-line {@link IllegalArgumentException} for an unknown one.
     *
     * @param map {@code --map}: for carla, the name of the map for the server to load (null for none)
     */
    SimulatorBackend backend(Path map) {
        if (simulator.equals(SimulatorBackend.EMBEDDED_NAME)) {
            return SimulatorBackend.EMBEDDED;
        }
        return new SimulatorBackend(simulator, carlaHost, carlaPort, map == null ? "" : map.toString());
    }
}

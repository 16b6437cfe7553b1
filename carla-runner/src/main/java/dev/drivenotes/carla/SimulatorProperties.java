package dev.drivenotes.carla;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which backend runs the simulations: {@code embedded} (the pure-Java simulator, default) or {@code
 * carla} (a CARLA 0.9.15 server, see {@link CarlaProperties}).
 */
@ConfigurationProperties("drivenotes.simulator")
record SimulatorProperties(@DefaultValue(EMBEDDED) String backend) {

    static final String EMBEDDED = "embedded";
    static final String CARLA = "carla";

    SimulatorProperties {
        if (!List.of(EMBEDDED, CARLA).contains(backend)) {
            throw new IllegalArgumentException(
                    "drivenotes.simulator.backend must be " + EMBEDDED + " or " + CARLA + ", was '" + backend + "'");
        }
    }
}

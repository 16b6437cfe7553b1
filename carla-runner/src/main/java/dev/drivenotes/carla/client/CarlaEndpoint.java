package dev.drivenotes.carla.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a CARLA server listens and how long the client waits for it.
 *
 * @param host name or address of the server
 * @param port its RPC port (CARLA's {@code -carla-rpc-port}, default 2000); the streaming port is
 *     announced in the stream tokens the server hands out (by default the RPC port + 1)
 * @param connectTimeout limit on opening a connection
 * @param callTimeout limit on every answer: a reply to a call, a state frame after a tick, a write
 */
public record CarlaEndpoint(String host, int port, Duration connectTimeout, Duration callTimeout) {

    public static final int DEFAULT_PORT = 2000;

    public CarlaEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("CARLA host must not be blank");
        }
        if (port < 1 || port > 65534) {
            throw new IllegalArgumentException(
                    "CARLA RPC port must be 1..65534 (its streaming port is +1), was " + port);
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("callTimeout", callTimeout);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** {@code host:port}, as it appears in messages. */
    @Override
    public String toString() {
        return host + ":" + port;
    }
}

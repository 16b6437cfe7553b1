package dev.drivenotes.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Checks the suite's ports before anything starts, so that a busy one is a one-line error naming
 * the port, its service and {@code --port-base} instead of a half-started suite.
 */
final class FreePorts {

    /** How far apart the bases tried as a suggestion are. */
    private static final int SUGGESTION_STEP = 10;

    private static final int SUGGESTIONS_TRIED = 50;

    private FreePorts() {}

    /**
     * @throws IllegalArgumentException naming every busy port and a base whose four ports are free
     */
    static void require(int portBase) {
        if (portBase == 0) {
            return;
        }
        List<String> busy = SuiteService.inPortOrder().stream()
                .filter(s -> !isFree(s.port(portBase)))
                .map(s -> s.port(portBase) + " (" + s.serviceName() + ")")
                .toList();
        if (busy.isEmpty()) {
            return;
        }
        String ports =
                busy.size() == 1 ? "port " + busy.getFirst() + " is" : "ports " + String.join(", ", busy) + " are";
        throw new IllegalArgumentException("--port-base " + portBase + ": " + ports
                + " already in use; choose another --port-base" + suggestion(portBase));
    }

    private static String suggestion(int portBase) {
        return IntStream.rangeClosed(1, SUGGESTIONS_TRIED)
                .map(k -> portBase + k * SUGGESTION_STEP)
                .filter(base -> base <= Suite.Settings.MAX_PORT_BASE && allFree(base))
                .mapToObj(base -> ", e.g. --port-base " + base)
                .findFirst()
                .orElse("");
    }

    private static boolean allFree(int portBase) {
        return SuiteService.inPortOrder().stream().allMatch(s -> isFree(s.port(portBase)));
    }

    /** Whether a server can listen on {@code port} on every interface, as the services do. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}

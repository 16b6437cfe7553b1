package dev.drivenotes.orchestrator.episode;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.map.RoutePath;
import dev.drivenotes.model.sim.RouteInfo;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for carla-runner's map API on loopback, as far as the orchestrator checks submissions
 * against it: map {@link #UNKNOWN_MAP} is answered with a 400, as carla-runner answers a map it
 * cannot load; its places are {@link #PLACES}; {@link #UNREACHABLE} is one no route leads to.
 */
public final class FakeServices implements AutoCloseable {

    public static final String UNKNOWN_MAP = "maps/missing.xodr";
    public static final Set<String> PLACES = Set.of("Start", "Goal", "Island");
    public static final String UNREACHABLE = "Island";

    private final HttpServer server;

    public FakeServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/maps/summary", this::mapSummary);
        server.createContext("/v1/maps/route", this::mapRoute);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void mapSummary(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getQuery();
        if (query != null && query.contains(UNKNOWN_MAP)) {
            send(ex, 400, Map.of("detail", "no map file " + UNKNOWN_MAP));
        } else {
            send(ex, 200, Map.of("map", "default-town"));
        }
    }

    /** carla-runner's route check: 400 naming {@code from} or {@code to}, as carla-runner names them. */
    private void mapRoute(HttpExchange ex) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : ex.getRequestURI().getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        for (String end : List.of("from", "to")) {
            if (!PLACES.contains(query.get(end))) {
                send(ex, 400, Map.of("detail", "unknown place '" + query.get(end) + "'", "field", end));
                return;
            }
        }
        if (query.get("to").equals(UNREACHABLE) || query.get("from").equals(UNREACHABLE)) {
            send(ex, 400, Map.of("detail", "no drivable route to '" + UNREACHABLE + "'", "field", "to"));
            return;
        }
        send(
                ex,
                200,
                new RoutePath(
                        query.get("map"),
                        new RouteInfo(query.get("from"), query.get("to"), 10, List.of(query.get("to")), List.of()),
                        List.of(new MapPoint(0, 0), new MapPoint(10, 0))));
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

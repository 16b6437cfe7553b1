package dev.drivenotes.reporter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.map.RoutePath;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.RouteInfo;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * carla-runner's map endpoints on loopback for the synthetic town of {@link Fixtures}: its places,
 * and one planned route from Main Street to the Museum whatever is asked.
 */
public final class CarlaRunnerStandIn implements AutoCloseable {

    /** The route drawn: east along Main Street, left at the junction, north to the Museum. */
    public static final RoutePath ROUTE = new RoutePath(
            "test-town",
            new RouteInfo("Main Street", Fixtures.MUSEUM, 135, List.of(Fixtures.MUSEUM), List.of(Maneuver.TURN_LEFT)),
            List.of(new MapPoint(20, 0), new MapPoint(100, 0), new MapPoint(100, 55)));

    private final HttpServer server;

    public CarlaRunnerStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] places = Json.mapper().writeValueAsBytes(Fixtures.TOWN);
        byte[] route = Json.mapper().writeValueAsBytes(ROUTE);
        server.createContext("/v1/maps/places", exchange -> answer(exchange, places));
        server.createContext("/v1/maps/route", exchange -> answer(exchange, route));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

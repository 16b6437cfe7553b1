package dev.drivenotes.reporter.ingest;

import com.sun.net.httpserver.HttpServer;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.map.MapGeometryClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.client.RestClient;

/** carla-runner's place directory ({@link Fixtures#TOWN}) on loopback, counting its requests. */
final class FakeCarlaRunner implements AutoCloseable {

    final AtomicInteger placeRequests = new AtomicInteger();
    final List<String> requestedMaps = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeCarlaRunner() throws IOException {
        byte[] places = Json.mapper().writeValueAsBytes(Fixtures.TOWN);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/maps/places", exchange -> {
            placeRequests.incrementAndGet();
            requestedMaps.add(exchange.getRequestURI().getQuery());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, places.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(places);
            }
        });
        server.start();
    }

    /** A place-directory client pointed at this server. */
    PlaceDirectoryClient places(Path dataDir) {
        URI carla = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        PlatformProperties properties = new PlatformProperties(
                dataDir,
                new PlatformProperties.Services(
                        URI.create("http://localhost:1"),
                        carla,
                        URI.create("http://localhost:2"),
                        URI.create("http://localhost:3")));
        return new PlaceDirectoryClient(new MapGeometryClient(RestClient.builder(), properties));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.drivenotes.reporter.map;

import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.RoutePath;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.web.CborBodies;
import dev.drivenotes.platform.web.ServiceConnections;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * What route maps draw from carla-runner: a map's places and road lines ({@code GET
 * /v1/maps/places}) and the planned route between two places ({@code GET /v1/maps/route}); note
 * writing reads the places too. Each answer is fetched once (maps do not change while the service
 * runs); failures are not cached. At most {@link #MAX_CACHED_MAPS} maps and {@link
 * #MAX_CACHED_ROUTES} routes are kept: past that a cache starts over, which costs one fetch per map
 * or route in use.
 */
@Component
public class MapGeometryClient {

    public static final int MAX_CACHED_MAPS = 16;
    static final int MAX_CACHED_ROUTES = 256;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final RestClient carlaRunner;
    private final Map<String, PlaceDirectory> places = new ConcurrentHashMap<>();
    private final Map<List<String>, RoutePath> routes = new ConcurrentHashMap<>();

    public MapGeometryClient(RestClient.Builder builder, PlatformProperties properties) {
        this.carlaRunner = CborBodies.preferredBy(builder)
                .baseUrl(properties.services().carlaRunner().toString())
                .requestFactory(ServiceConnections.requestFactory(CONNECT_TIMEOUT, READ_TIMEOUT))
                .build();
    }

    /** A map's places and road lines; throws {@link MapUnavailableException} when carla-runner cannot answer. */
    public PlaceDirectory places(String map) {
        startOverWhenFull(places, map, MAX_CACHED_MAPS);
        return places.computeIfAbsent(
                map,
                m -> fetch(
                        "places of " + m,
                        PlaceDirectory.class,
                        carlaRunner
                                .get()
                                .uri(u -> u.path("/v1/maps/places")
                                        .queryParam("map", "{map}")
                                        .build(m))));
    }

    /** The planned route from {@code from} to {@code to}; throws {@link MapUnavailableException} when carla-runner cannot answer. */
    public RoutePath route(String map, String from, String to) {
        List<String> route = List.of(map, from, to);
        startOverWhenFull(routes, route, MAX_CACHED_ROUTES);
        return routes.computeIfAbsent(
                route,
                key -> fetch(
                        "route " + from + " → " + to + " on " + map,
                        RoutePath.class,
                        carlaRunner
                                .get()
                                .uri(u -> u.path("/v1/maps/route")
                                        .queryParam("map", "{map}")
                                        .queryParam("from", "{from}")
                                        .queryParam("to", "{to}")
                                        .build(map, from, to))));
    }

    private static <K> void startOverWhenFull(Map<K, ?> cache, K key, int max) {
        if (cache.size() >= max && !cache.containsKey(key)) {
            cache.clear();
        }
    }

    /** The innermost cause, named by its class and message: what went wrong, without the wrapping. */
    private static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static <T> T fetch(String what, Class<T> type, RestClient.RequestHeadersSpec<?> request) {
        T body;
        try {
            body = request.retrieve().body(type);
        } catch (RestClientException e) {
            throw new MapUnavailableException("carla-runner did not answer the " + what + " (" + cause(e) + ")", e);
        }
        if (body == null) {
            throw new MapUnavailableException("carla-runner answered no " + what, null);
        }
        return body;
    }
}

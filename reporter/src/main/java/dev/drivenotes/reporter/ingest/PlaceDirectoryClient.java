package dev.drivenotes.reporter.ingest;

import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.PlaceMatcher;
import dev.drivenotes.platform.PlatformProperties;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The named places of a map, from carla-runner's {@code GET /v1/maps/places?map=<ref>}, fetched
 * once per map (maps do not change while the service runs; failures are not cached). At most
 * {@link #MAX_CACHED_MAPS} maps are kept: past that the cache starts over, which costs one fetch per
 * map in use.
 */
@Component
class PlaceDirectoryClient {

    static final int MAX_CACHED_MAPS = 16;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final RestClient carlaRunner;
    private final Map<String, PlaceMatcher> matchers = new ConcurrentHashMap<>();

    PlaceDirectoryClient(RestClient.Builder builder, PlatformProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        requests.setReadTimeout(READ_TIMEOUT);
        this.carlaRunner = builder.clone()
                .baseUrl(properties.services().carlaRunner().toString())
                .requestFactory(requests)
                .build();
    }

    /** The matcher of a map's places; throws when carla-runner cannot answer. */
    PlaceMatcher matcherFor(String map) {
        if (matchers.size() >= MAX_CACHED_MAPS && !matchers.containsKey(map)) {
            matchers.clear();
        }
        return matchers.computeIfAbsent(map, this::fetch);
    }

    private PlaceMatcher fetch(String map) {
        PlaceDirectory places = carlaRunner
                .get()
                .uri(uri ->
                        uri.path("/v1/maps/places").queryParam("map", "{map}").build(map))
                .retrieve()
                .body(PlaceDirectory.class);
        if (places == null) {
            throw new IllegalStateException("carla-runner answered no place directory for map '" + map + "'");
        }
        return new PlaceMatcher(places);
    }
}

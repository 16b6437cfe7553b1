package dev.drivenotes.orchestrator.clients;

import dev.drivenotes.model.map.RoutePath;
import dev.drivenotes.model.sim.RouteInfo;
import dev.drivenotes.model.sim.RouteSpec;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.remote.RemoteCalls;
import dev.drivenotes.platform.remote.ServiceGuard;
import dev.drivenotes.platform.web.CborBodies;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * carla-runner's map API, as far as submissions are checked against it (the runners drive the
 * episodes; nothing here creates or steps a simulation), under its resilience policy ({@link
 * RemoteCalls}): both calls read, so both are retried.
 */
@Component
public class SimulatorClient {

    private static final String SERVICE = "carla-runner";
    private final RestClient http;
    private final ServiceGuard guard;

    public SimulatorClient(RestClient.Builder builder, PlatformProperties properties, RemoteCalls calls) {
        this.http = calls.client(
                CborBodies.preferredBy(builder),
                properties.services().carlaRunner().toString());
        this.guard = calls.guard(SERVICE);
    }

    /**
     * The route a simulation between two named places of {@code map} would drive; throws a
     * client-error {@link RemoteServiceException} naming {@code map}, {@code from} or {@code to} for
     * a bad map, an unknown place or an unreachable destination.
     */
    public RouteInfo route(String map, RouteSpec route) {
        return guard.idempotent(() -> http.get()
                .uri(b -> b.path("/v1/maps/route")
                        .queryParam("map", "{map}")
                        .queryParam("from", "{from}")
                        .queryParam("to", "{to}")
                        .build(map, route.from(), route.to()))
                .retrieve()
                .body(RoutePath.class)
                .route());
    }

    /** The map's summary; throws a client-error {@link RemoteServiceException} for a bad map. */
    public JsonNode mapSummary(String map) {
        return guard.idempotent(() -> http.get()
                .uri(b -> b.path("/v1/maps/summary").queryParam("map", "{map}").build(map))
                .retrieve()
                .body(JsonNode.class));
    }
}

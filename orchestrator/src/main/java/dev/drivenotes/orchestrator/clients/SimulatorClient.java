package dev.drivenotes.orchestrator.clients;

import dev.drivenotes.model.map.RoutePath;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.RouteInfo;
import dev.drivenotes.model.sim.RouteSpec;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.StepRequest;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.web.CborBodies;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * carla-runner's REST API, under its resilience policy ({@link RemoteCalls}). Which calls are
 * retried: {@code route} and {@code mapSummary} read; {@code delete} of a deleted simulation
 * deletes nothing more (a 404 then says it is gone); {@code create} is not (a retry after a lost
 * answer would start a second simulation) and neither is {@code step} (a retry after a lost answer
 * would advance the simulation twice).
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

    public SimulationState create(CreateSimulationRequest request) {
        return guard.once(() ->
                http.post().uri("/v1/simulations").body(request).retrieve().body(SimulationState.class));
    }

    public SimulationState step(String simulationId, Control control) {
        return guard.once(() -> http.post()
                .uri("/v1/simulations/{id}/step", simulationId)
                .body(new StepRequest(control))
                .retrieve()
                .body(SimulationState.class));
    }

    /** Deletes a simulation; one that is gone already (a retry after a lost answer) is fine. */
    public void delete(String simulationId) {
        try {
            guard.idempotent(() -> http.delete()
                    .uri("/v1/simulations/{id}", simulationId)
                    .retrieve()
                    .toBodilessEntity());
        } catch (RemoteServiceException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
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

    /**
     * How many simulations carla-runner holds at once ({@code GET /v1/simulator}); a 404 {@link
     * RemoteServiceException} from a carla-runner that does not say.
     */
    public int maxLiveSimulations() {
        JsonNode info = guard.idempotent(
                () -> http.get().uri("/v1/simulator").retrieve().body(JsonNode.class));
        return info.path("maxLiveSimulations").asInt(Integer.MAX_VALUE);
    }

    /** The map's summary; throws a client-error {@link RemoteServiceException} for a bad map. */
    public JsonNode mapSummary(String map) {
        return guard.idempotent(() -> http.get()
                .uri(b -> b.path("/v1/maps/summary").queryParam("map", "{map}").build(map))
                .retrieve()
                .body(JsonNode.class));
    }
}

package dev.drivenotes.orchestrator.clients;

import java.util.function.Supplier;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.JsonNode;

/** Turns RestClient failures into {@link RemoteServiceException}s carrying the problem detail. */
final class ServiceCalls {

    private ServiceCalls() {}

    static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpStatusCodeException e) {
            throw new RemoteServiceException(service, e.getStatusCode().value(), detailOf(e), e);
        } catch (ResourceAccessException e) {
            throw new RemoteServiceException(service, 0, e.getMessage(), e);
        }
    }

    private static String detailOf(HttpStatusCodeException e) {
        try {
            JsonNode body = e.getResponseBodyAs(JsonNode.class);
            if (body != null && body.has("detail")) {
                return body.get("detail").asString();
            }
        } catch (RuntimeException ignored) {
            // not a problem document: fall back to the raw body below
        }
        String raw = e.getResponseBodyAsString();
        return raw.isBlank() ? e.getStatusText() : raw.lines().findFirst().orElse(raw);
    }
}

package dev.drivenotes.platform.remote;

import java.util.function.Supplier;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Turns RestClient failures into {@link RemoteServiceException}s carrying the problem detail. */
public final class ServiceCalls {

    private ServiceCalls() {}

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpStatusCodeException e) {
            JsonNode problem = problemOf(e);
            throw new RemoteServiceException(
                    service,
                    e.getStatusCode().value(),
                    detailOf(e, problem),
                    problem.path("field").asString(null),
                    e);
        } catch (ResourceAccessException e) {
            throw new RemoteServiceException(service, 0, e.getMessage(), null, e);
        }
    }

    /** The answer's problem details, or an empty object when it sent none. */
    private static JsonNode problemOf(HttpStatusCodeException e) {
        try {
            JsonNode body = e.getResponseBodyAs(JsonNode.class);
            return body != null && body.isObject() ? body : JsonNodeFactory.instance.objectNode();
        } catch (RuntimeException notJson) {
            // not a problem document: the raw body below says what happened
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private static String detailOf(HttpStatusCodeException e, JsonNode problem) {
        if (problem.hasNonNull("detail")) {
            return problem.get("detail").asString();
        }
        String raw = e.getResponseBodyAsString();
        return raw.isBlank() ? e.getStatusText() : raw.lines().findFirst().orElse(raw);
    }
}

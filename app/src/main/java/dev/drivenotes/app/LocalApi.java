package dev.drivenotes.app;

import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A small JSON-over-HTTP client for the launcher, talking to the local services. */
final class LocalApi {

    /** A non-2xx answer, with the problem detail's text when there is one. */
    static final class ApiException extends RuntimeException {
        final int status;
        final String field;

        ApiException(int status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }
    }

    record Response(int status, JsonNode body, String location) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Response post(URI uri, Object body) {
        String json = Json.mapper().writeValueAsString(body);
        return send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build());
    }

    byte[] getBytes(URI uri) {
        try {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw new ApiException(r.statusCode(), null, uri.getPath() + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new ApiException(0, null, "cannot reach " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, null, "interrupted");
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = parse(r.body());
            if (r.statusCode() / 100 != 2) {
                String detail =
                        body != null && body.has("detail") ? body.get("detail").asString() : "HTTP " + r.statusCode();
                String field =
                        body != null && body.has("field") ? body.get("field").asString() : null;
                throw new ApiException(r.statusCode(), field, detail);
            }
            return new Response(
                    r.statusCode(), body, r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new ApiException(0, null, "cannot reach " + request.uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, null, "interrupted");
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }
}

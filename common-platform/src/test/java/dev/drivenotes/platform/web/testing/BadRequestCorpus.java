package dev.drivenotes.platform.web.testing;

import dev.drivenotes.platform.web.testing.BadRequest.Body;
import dev.drivenotes.platform.web.testing.Surface.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates hostile requests against a {@link Surface}, the same ones for the same seed: malformed
 * JSON, wrong types, missing and unknown fields, oversize strings, bodies over the limit (declared
 * and chunked), wrong content types and {@code Accept}s, unknown paths, path traversal, wrong
 * methods, odd ids, bad query parameters and malformed HTTP. Each kind is drawn in turn, so a few
 * hundred requests cover every kind on every endpoint it applies to.
 */
public final class BadRequestCorpus {

    /** The kinds of bad request, drawn round robin. */
    public enum Kind {
        MALFORMED_JSON,
        WRONG_TYPE,
        MISSING_FIELD,
        UNKNOWN_FIELD,
        OVERSIZE_STRING,
        BODY_OVER_LIMIT,
        CHUNKED_OVER_LIMIT,
        WRONG_CONTENT_TYPE,
        NOT_ACCEPTABLE,
        UNKNOWN_PATH,
        TRAVERSAL,
        WRONG_METHOD,
        ODD_ID,
        BAD_QUERY,
        MALFORMED_HTTP
    }

    static final String JSON = "Content-Type: application/json";

    private final Surface surface;
    private final SplittableRandom random;
    private final JsonMutations json;

    private BadRequestCorpus(Surface surface, long seed) {
        this.surface = surface;
        this.random = new SplittableRandom(seed);
        this.json = new JsonMutations(random);
    }

    /** {@code count} bad requests for {@code surface}, drawn from {@code seed}. */
    public static List<BadRequest> generate(Surface surface, long seed, int count) {
        BadRequestCorpus corpus = new BadRequestCorpus(surface, seed);
        List<BadRequest> requests = new ArrayList<>(count);
        Kind[] kinds = Kind.values();
        for (int i = 0; requests.size() < count; i++) {
            BadRequest request = corpus.draw(kinds[i % kinds.length]);
            if (request != null) {
                requests.add(request);
            }
        }
        return requests;
    }

    /** One request of this kind, or null when the surface has nothing it applies to. */
    private BadRequest draw(Kind kind) {
        List<Endpoint> withBody = surface.bodyEndpoints();
        Endpoint any = pick(surface.endpoints());
        Endpoint body = withBody.isEmpty() ? null : pick(withBody);
        String name = kind.name();
        return switch (kind) {
            case MALFORMED_JSON -> body == null ? null : post(name, body, json.malformed(body.sampleBody()), 400);
            case WRONG_TYPE -> body == null ? null : post(name, body, json.wrongType(body.sampleBody()), 400);
            case MISSING_FIELD -> body == null ? null : post(name, body, json.missing(body), 400);
            case UNKNOWN_FIELD -> body == null ? null : post(name, body, json.unknownField(body.sampleBody()), 400);
            case OVERSIZE_STRING -> body == null || body.stringFields().isEmpty() ? null : oversize(name, body);
            case BODY_OVER_LIMIT -> overLimit(name, body != null ? body : any, false);
            case CHUNKED_OVER_LIMIT -> overLimit(name, body != null ? body : any, true);
            case WRONG_CONTENT_TYPE -> body == null ? null : wrongContentType(name, body);
            case NOT_ACCEPTABLE -> notAcceptable(name, any);
            case UNKNOWN_PATH ->
                BadRequest.of(name, pick("GET", "POST"), pick(Paths.UNKNOWN), List.of(), Body.EMPTY, 404);
            case TRAVERSAL -> BadRequest.of(name, "GET", pick(Paths.TRAVERSAL), List.of(), Body.EMPTY, 0);
            case WRONG_METHOD -> wrongMethod(name, any);
            case ODD_ID -> oddId(name);
            case BAD_QUERY -> badQuery(name);
            case MALFORMED_HTTP -> pick(MalformedHttp.requests(name, target(any)));
        };
    }

    private BadRequest post(String kind, Endpoint endpoint, String body, int expected) {
        return BadRequest.of(kind, endpoint.method(), target(endpoint), List.of(JSON), Body.of(body), expected);
    }

    private BadRequest oversize(String kind, Endpoint endpoint) {
        Surface.StringField field = pick(endpoint.stringFields());
        long room = surface.maxRequestBytes() - endpoint.sampleBody().length() - 64;
        int chars = (int) Math.min(room, field.maxChars() + 1 + random.nextInt(Math.max(1, field.maxChars() * 4)));
        return post(kind, endpoint, json.withString(endpoint.sampleBody(), field.path(), "y".repeat(chars)), 400);
    }

    /** A JSON body whose one string fills it past the limit: the 50 MB {@code weather} case. */
    private BadRequest overLimit(String kind, Endpoint endpoint, boolean chunked) {
        long limit = surface.maxRequestBytes();
        long[] sizes = {limit + 1, limit + 1024, 5L * 1024 * 1024, 50L * 1024 * 1024};
        long size = Math.max(limit + 1, sizes[random.nextInt(sizes.length)]);
        Body body = Body.filled("{\"weather\":\"", 'w', size, "\"}");
        String method = endpoint.sampleBody() != null ? endpoint.method() : "POST";
        // a chunked body is only read (and found too large) by an endpoint that reads bodies
        int expected = !chunked || endpoint.sampleBody() != null ? 413 : 0;
        BadRequest request = BadRequest.of(kind, method, target(endpoint), List.of(JSON), body, expected);
        return chunked ? request.chunkedBody() : request;
    }

    private BadRequest wrongContentType(String kind, Endpoint endpoint) {
        String type = pick(
                "Content-Type: text/plain",
                "Content-Type: application/xml",
                "Content-Type: application/x-www-form-urlencoded",
                "Content-Type: multipart/form-data; boundary=zz",
                "Content-Type: application/octet-stream",
                "Content-Type: image/png",
                "Content-Type: not a media type",
                "Content-Type: application/json; charset=no-such-charset",
                "");
        int expected = type.isEmpty() || type.contains("/") && !type.contains("json") ? 415 : 0;
        List<String> headers = type.isEmpty() ? List.of() : List.of(type);
        return BadRequest.of(
                kind, endpoint.method(), target(endpoint), headers, Body.of(endpoint.sampleBody()), expected);
    }

    private BadRequest notAcceptable(String kind, Endpoint endpoint) {
        String accept = pick("application/xml", "text/csv", "image/png", "application/pdf;q=1, text/plain;q=0.5");
        Body body = endpoint.sampleBody() == null ? Body.EMPTY : Body.of(endpoint.sampleBody());
        List<String> headers =
                endpoint.sampleBody() == null ? List.of("Accept: " + accept) : List.of(JSON, "Accept: " + accept);
        return BadRequest.of(kind, endpoint.method(), target(endpoint), headers, body, 0);
    }

    private BadRequest wrongMethod(String kind, Endpoint endpoint) {
        List<String> allowed = surface.endpoints().stream()
                .filter(e -> e.path().equals(endpoint.path()))
                .map(Endpoint::method)
                .toList();
        List<String> others =
                new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "FOO", "PROPFIND"));
        others.removeAll(allowed);
        String method = pick(others);
        List<String> headers = method.equals("GET") || method.equals("DELETE") ? List.of() : List.of(JSON);
        return BadRequest.of(kind, method, target(endpoint), headers, Body.of(method.equals("GET") ? "" : "{}"), 0);
    }

    private BadRequest oddId(String kind) {
        List<Endpoint> withId =
                surface.endpoints().stream().filter(Endpoint::hasId).toList();
        if (withId.isEmpty()) {
            return null;
        }
        Endpoint endpoint = pick(withId);
        String target = endpoint.path().replace("{id}", pick(Paths.ODD_IDS));
        List<String> headers = endpoint.sampleBody() == null ? List.of() : List.of(JSON);
        Body body = endpoint.sampleBody() == null ? Body.EMPTY : Body.of(endpoint.sampleBody());
        return BadRequest.of(kind, endpoint.method(), target, headers, body, 0);
    }

    private BadRequest badQuery(String kind) {
        List<Endpoint> withQueries = surface.endpoints().stream()
                .filter(e -> !e.badQueries().isEmpty())
                .toList();
        if (withQueries.isEmpty()) {
            return null;
        }
        Endpoint endpoint = pick(withQueries);
        String query = pick(endpoint.badQueries()).replace("{long}", "q".repeat(5000));
        return BadRequest.of(kind, endpoint.method(), target(endpoint) + "?" + query, List.of(), Body.EMPTY, 400);
    }

    /** The endpoint's path with a fresh id that names nothing. */
    private String target(Endpoint endpoint) {
        return endpoint.path().replace("{id}", "corpus-" + Long.toHexString(random.nextLong()));
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}

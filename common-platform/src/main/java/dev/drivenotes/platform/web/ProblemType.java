package dev.drivenotes.platform.web;

import java.net.URI;
import java.util.Arrays;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of problem the services answer, each with a stable {@code type} URI (RFC 9457: clients
 * branch on it, never on {@code detail}) and {@code title}. The list is the API's contract: a new
 * kind gets a new constant, an existing URI never changes meaning.
 */
public enum ProblemType {
    /** Malformed JSON, a wrong type, a missing, unknown or out-of-range field, a bad parameter: {@code field} names it. */
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    /** A missing, forged, expired or foreign-audience credential. */
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    /** A valid credential of a caller that may not do this. */
    FORBIDDEN(403, "forbidden", "Forbidden"),
    /** No such resource: an unknown id (with {@code resource} and {@code id}) or an unknown path. */
    NOT_FOUND(404, "not-found", "Not found"),
    /** The path exists but not for this method; {@code Allow} lists the methods it takes. */
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    /** The resource has no representation the {@code Accept} header allows. */
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    /** The request conflicts with the resource's state (e.g. cancelling a finished experiment). */
    CONFLICT(409, "conflict", "Conflict"),
    /** The body is larger than the service's limit ({@code maxBytes}). */
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    /** The body's {@code Content-Type} is not one the endpoint reads (JSON). */
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    /** A fault of the service itself; {@code errorId} finds it in the service's log. */
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    /** A service this one depends on did not answer or failed; retrying later may succeed. */
    DEPENDENCY_UNAVAILABLE(503, "dependency-unavailable", "Dependency unavailable");

    /** Where every type URI starts; the slug after it names the problem. */
    public static final String BASE = "https://drivenotes.dev/problems/";

    /** Longest {@code detail} sent: details never echo large inputs. */
    static final int MAX_DETAIL_CHARS = 300;

    private final int status;
    private final URI type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** A problem of this type with {@code detail} cut to its first line and {@value #MAX_DETAIL_CHARS} characters. */
    public ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type);
        problem.setTitle(title);
        problem.setDetail(shortened(detail));
        return problem;
    }

    /**
     * The type for a status: its own constant, else the class's (4xx: invalid request, 5xx:
     * internal error).
     */
    public static ProblemType of(HttpStatusCode status) {
        return Arrays.stream(values())
                .filter(t -> t.status == status.value())
                .findFirst()
                .orElse(status.is5xxServerError() ? INTERNAL_ERROR : INVALID_REQUEST);
    }

    /** Stamps {@code problem} with the type and title of its status, keeping its detail and properties. */
    public static ProblemDetail normalized(ProblemDetail problem) {
        ProblemType type = of(HttpStatusCode.valueOf(problem.getStatus()));
        problem.setType(type.type);
        problem.setTitle(type.title);
        problem.setDetail(shortened(problem.getDetail()));
        return problem;
    }

    /**
     * The {@code instance} member for a request path: the path itself, cut (at a whole escape) to
     * {@value #MAX_DETAIL_CHARS} characters, so that a huge path is never echoed back.
     */
    static URI instance(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        String cut = path.length() <= MAX_DETAIL_CHARS ? path : path.substring(0, MAX_DETAIL_CHARS);
        int escape = cut.lastIndexOf('%');
        if (escape >= 0 && escape > cut.length() - 3) {
            cut = cut.substring(0, escape);
        }
        try {
            return URI.create(cut);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    static String shortened(String detail) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        int nl = detail.indexOf('\n');
        String line = nl < 0 ? detail : detail.substring(0, nl);
        return line.length() <= MAX_DETAIL_CHARS ? line : line.substring(0, MAX_DETAIL_CHARS - 1) + "…";
    }
}

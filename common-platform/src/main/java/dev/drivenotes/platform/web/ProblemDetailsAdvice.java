package dev.drivenotes.platform.web;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.port.ArtifactNotFoundException;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every error a controller or Spring MVC raises, as RFC 9457 problem details with a {@link
 * ProblemType}'s {@code type} and {@code title}, always {@code application/problem+json} whatever
 * the request's {@code Accept}. Input errors name the offending field in {@code field}; a fault of
 * the service answers 500 with an {@code errorId} that finds its stack trace in the log, never the
 * trace or an exception's name.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e) {
        return answer(invalid(e.field(), e.reason()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        ProblemDetail problem = ProblemType.NOT_FOUND.detail(e.getMessage());
        problem.setProperty("resource", e.what());
        problem.setProperty("id", ProblemType.shortened(e.id()));
        return answer(problem);
    }

    @ExceptionHandler(ArtifactNotFoundException.class)
    ResponseEntity<Object> artifactNotFound(ArtifactNotFoundException e) {
        return answer(ProblemType.NOT_FOUND.detail(e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        return answer(ProblemType.CONFLICT.detail(e.getMessage()));
    }

    @ExceptionHandler(DependencyUnavailableException.class)
    ResponseEntity<Object> dependencyUnavailable(DependencyUnavailableException e) {
        log.warn("{}", e.getMessage());
        ProblemDetail problem = ProblemType.DEPENDENCY_UNAVAILABLE.detail(e.getMessage());
        problem.setProperty("service", e.service());
        return answer(problem);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException e) {
        return answer(RequestSizeLimitFilter.tooLarge(e.maxBytes()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        return answer(internalError(e));
    }

    /** The 500 problem for an unexpected failure, logged with its stack trace under a fresh {@code errorId}. */
    static ProblemDetail internalError(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        log.error("unhandled error {}", errorId, e);
        ProblemDetail problem =
                ProblemType.INTERNAL_ERROR.detail("the service failed to answer; the log has error " + errorId);
        problem.setProperty("errorId", errorId);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = find(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return answer(RequestSizeLimitFilter.tooLarge(tooLarge.maxBytes()));
        }
        JsonProblems.Invalid invalid =
                JsonProblems.of(find(ex, JacksonException.class), find(ex, InvalidInputException.class));
        return answer(invalid(invalid.field(), invalid.detail()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return answer(invalid(ex.getParameterName(), "is required"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        return answer(invalid(field == null ? "parameter" : field, "has the wrong type"));
    }

    /** A 405 is the client's mistake: answered (with {@code Allow}), not logged as a warning per request. */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(ProblemType.NOT_FOUND.detail("no endpoint at this path"));
    }

    /** A Spring MVC exception that means a fault of this service (500): logged, answered without its details. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Object problem = status.value() == 500 ? internalError(ex) : body;
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * Every other Spring MVC exception (405, 406, 415, ...) ends here: its problem gets the status's
     * type and title, its headers (e.g. {@code Allow}) stay.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p
                ? ProblemType.normalized(p)
                : ProblemType.of(status).detail(null);
        locate(problem);
        HttpHeaders out = new HttpHeaders();
        out.putAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(out).body(problem);
    }

    static ProblemDetail invalid(String field, String detail) {
        ProblemDetail problem = ProblemType.INVALID_REQUEST.detail(detail == null ? "invalid input" : detail);
        problem.setProperty("field", ProblemType.shortened(field));
        return problem;
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        locate(problem);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The request's path as the problem's {@code instance}, bounded (Spring would echo it whole). */
    private static void locate(ProblemDetail problem) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            URI instance = ProblemType.instance(attributes.getRequest().getRequestURI());
            problem.setInstance(instance != null ? instance : URI.create("/"));
        }
    }

    /** The first {@code type} in {@code t}'s cause chain, or null. */
    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}

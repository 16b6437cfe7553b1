package dev.drivenotes.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel error page and its JSON: what the servlet container forwards to
 * the error path (a {@code sendError} from a filter, Spring Security's firewall, an exception before
 * any controller) answers with problem details too. A request for the error path itself, with no
 * error forwarded, is an unknown path (404).
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        ProblemDetail problem = problemFor(request);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        URI instance = ProblemType.instance(path instanceof String p ? p : request.getRequestURI());
        problem.setInstance(instance != null ? instance : URI.create("/"));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail problemFor(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (!(status instanceof Integer code)) {
            return ProblemType.NOT_FOUND.detail("no endpoint at this path");
        }
        if (exception != null) {
            PayloadTooLargeException tooLarge = ProblemDetailsAdvice.find(exception, PayloadTooLargeException.class);
            if (tooLarge != null) {
                return RequestSizeLimitFilter.tooLarge(tooLarge.maxBytes());
            }
        }
        if (code >= 500) {
            return ProblemDetailsAdvice.internalError(
                    exception != null ? exception : new IllegalStateException("the container answered " + code));
        }
        if (code < 400) {
            return ProblemType.NOT_FOUND.detail("no endpoint at this path");
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        ProblemType type = ProblemType.of(HttpStatusCode.valueOf(code));
        ProblemDetail problem = type.detail(message instanceof String s && !s.isBlank() ? s : null);
        problem.setStatus(code);
        return problem;
    }
}

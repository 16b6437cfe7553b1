package dev.drivenotes.platform.web;

import dev.drivenotes.platform.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes problem details where Spring MVC's message converters do not reach: servlet filters,
 * Spring Security's entry points, Tomcat's error valve.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** Sets the status and writes {@code problem} as {@code application/problem+json}, unless the response is committed. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = json(problem);
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The problem's JSON: RFC 9457's members, then its extension properties. */
    static byte[] json(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            members.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return Json.mapper().writeValueAsBytes(members);
    }
}

package dev.drivenotes.orchestrator.ui;

import dev.drivenotes.platform.web.ProblemResponses;
import dev.drivenotes.platform.web.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard's forms take only same-origin posts, so that no other web page can start or cancel
 * an experiment through an operator's browser (CSRF): a post to {@code /ui/**} must carry an {@code
 * Origin} whose host and port are the request's {@code Host}, or, from a browser that sends no Origin,
 * {@code Sec-Fetch-Site: same-origin}. Where the service listens on loopback only, the {@code Host}
 * must also be a loopback name, so that a page whose DNS name was rebound to 127.0.0.1 is refused
 * too. A refusal is a 403 problem naming the header. The JSON API needs no such check: a
 * cross-origin page cannot send it JSON without CORS, which no service allows.
 */
final class SameOriginFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private final boolean loopbackOnly;

    SameOriginFilter(boolean loopbackOnly) {
        this.loopbackOnly = loopbackOnly;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            String refusal = refusal(
                    request.getHeader("Host"), request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"));
            if (refusal != null) {
                ProblemDetail problem = ProblemType.FORBIDDEN.detail(refusal);
                problem.setProperty("field", refusal.startsWith("Host") ? "Host" : "Origin");
                ProblemResponses.write(response, problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Why a post with these headers is refused, or null when it is a same-origin post. */
    String refusal(String host, String origin, String fetchSite) {
        if (host == null || host.isBlank()) {
            return "Host is missing";
        }
        String authority = host.strip().toLowerCase(Locale.ROOT);
        if (loopbackOnly && !LOOPBACK_HOSTS.contains(hostName(authority))) {
            return "Host '" + shortened(host) + "' is not a loopback name; this service listens on loopback only";
        }
        if (origin == null) {
            return "same-origin".equals(fetchSite)
                    ? null
                    : "Origin is missing: the dashboard takes form posts from its own pages only";
        }
        if (!authority.equals(authorityOf(origin))) {
            return "Origin '" + shortened(origin)
                    + "' is not this dashboard's; its forms take posts from its own pages only";
        }
        return null;
    }

    /** {@code host[:port]} of an origin, lower case; null when it is none (e.g. {@code null}). */
    private static String authorityOf(String origin) {
        try {
            URI uri = new URI(origin.strip());
            return uri.getRawAuthority() == null ? null : uri.getRawAuthority().toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            // a malformed Origin names no authority, so it matches no Host: the post is refused
            return null;
        }
    }

    /** The host of {@code host[:port]} (an IPv6 literal keeps its brackets). */
    private static String hostName(String authority) {
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon > authority.lastIndexOf(']');
        return hasPort ? authority.substring(0, colon) : authority;
    }

    private static String shortened(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}

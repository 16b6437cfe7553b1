package dev.drivenotes.platform.observability;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The logging MDC keys every service fills: {@value #SERVICE} (the application name, set for each
 * request it serves), {@value #EXPERIMENT_ID} and {@value #EPISODE_ID} (set where an experiment or
 * an episode is handled); {@code traceId} and {@code spanId} come from tracing. An executor wrapped
 * with Micrometer's {@code ContextExecutorService} carries these keys to its threads.
 */
public final class LogContext extends OncePerRequestFilter {

    public static final String SERVICE = "service";
    public static final String EXPERIMENT_ID = "experimentId";
    public static final String EPISODE_ID = "episodeId";

    static {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(SERVICE, EXPERIMENT_ID, EPISODE_ID));
    }

    private final String service;

    public LogContext(String service) {
        this.service = service;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (MDC.MDCCloseable mdc = MDC.putCloseable(SERVICE, service)) {
            chain.doFilter(request, response);
        }
    }
}

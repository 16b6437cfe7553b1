package dev.drivenotes.platform.remote;

import dev.drivenotes.platform.web.ServiceConnections;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

/**
 * How a service calls other services: every request has a connect timeout and a read timeout (the
 * calling service's settings, e.g. {@code drivenotes.orchestrator.client-timeout}); every service
 * called has a bulkhead, a circuit breaker and a retry policy under its own name in {@code
 * resilience4j.*} (the calling service's properties file). A service without its three instances
 * configured is refused at startup: no call runs under a policy nobody chose.
 */
public class RemoteCalls {

    private final HttpClientSettings timeouts;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final RetryRegistry retries;

    public RemoteCalls(
            Duration connectTimeout,
            Duration readTimeout,
            CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads,
            RetryRegistry retries) {
        this.timeouts = HttpClientSettings.defaults().withTimeouts(connectTimeout, readTimeout);
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.retries = retries;
    }

    public Duration readTimeout() {
        return timeouts.readTimeout();
    }

    /**
     * A client for {@code baseUrl} with the timeouts (and whatever {@code builder} carries), over
     * pooled keep-alive connections ({@link ServiceConnections}): build it once per target.
     */
    public RestClient client(RestClient.Builder builder, String baseUrl) {
        return builder.clone()
                .requestFactory(ServiceConnections.requestFactory(timeouts.connectTimeout(), timeouts.readTimeout()))
                .baseUrl(baseUrl)
                .build();
    }

    /** The configured policy of {@code service}. */
    public ServiceGuard guard(String service) {
        return new ServiceGuard(
                service,
                bulkheads.find(service).orElseThrow(() -> unconfigured("bulkhead", service)),
                breakers.find(service).orElseThrow(() -> unconfigured("circuitbreaker", service)),
                retries.find(service).orElseThrow(() -> unconfigured("retry", service)));
    }

    private static IllegalStateException unconfigured(String kind, String service) {
        return new IllegalStateException("no resilience4j." + kind + ".instances." + service
                + ".* configured: every remote service needs its own policy");
    }
}

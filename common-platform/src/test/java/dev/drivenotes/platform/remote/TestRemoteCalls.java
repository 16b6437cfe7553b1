package dev.drivenotes.platform.remote;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.List;

/** {@link RemoteCalls} for tests: the production policy's shape with short waits. */
public final class TestRemoteCalls {

    private static final List<String> SERVICES = List.of("carla-runner", "dreamer-service");

    private TestRemoteCalls() {}

    /** 3 attempts 10 ms apart, a breaker that opens only after many failures, 5 s read timeout. */
    public static RemoteCalls fast() {
        return with(Duration.ofSeconds(5), 3, Duration.ofMillis(10), Duration.ofSeconds(1));
    }

    /**
     * Idempotent calls make {@code attempts} attempts, waiting from {@code firstWait} doubling (with
     * jitter); an open breaker stays open for {@code breakerOpen}.
     */
    public static RemoteCalls with(Duration readTimeout, int attempts, Duration firstWait, Duration breakerOpen) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
        RetryRegistry retries = RetryRegistry.ofDefaults();
        for (String service : SERVICES) {
            breakers.circuitBreaker(
                    service,
                    CircuitBreakerConfig.custom()
                            .slidingWindowSize(20)
                            .minimumNumberOfCalls(10)
                            .waitDurationInOpenState(breakerOpen)
                            .recordException(new ServerSideFailure())
                            .build());
            bulkheads.bulkhead(
                    service,
                    BulkheadConfig.custom()
                            .maxConcurrentCalls(128)
                            .maxWaitDuration(Duration.ofSeconds(5))
                            .build());
            retries.retry(
                    service,
                    RetryConfig.custom()
                            .maxAttempts(attempts)
                            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(firstWait, 2, 0.5))
                            .retryOnException(new ServerSideFailure())
                            .build());
        }
        return new RemoteCalls(Duration.ofSeconds(2), readTimeout, breakers, bulkheads, retries);
    }
}

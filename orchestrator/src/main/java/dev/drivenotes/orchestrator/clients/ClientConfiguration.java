package dev.drivenotes.orchestrator.clients;

import dev.drivenotes.orchestrator.OrchestratorProperties;
import dev.drivenotes.platform.remote.RemoteCalls;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the orchestrator calls carla-runner: its timeouts and the resilience4j policies. */
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    @Bean
    RemoteCalls remoteCalls(
            OrchestratorProperties properties,
            CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads,
            RetryRegistry retries) {
        return new RemoteCalls(properties.connectTimeout(), properties.clientTimeout(), breakers, bulkheads, retries);
    }
}

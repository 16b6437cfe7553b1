package dev.drivenotes.orchestrator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Orchestrator settings.
 *
 * @param maxConcurrentExperiments experiments driven at once; more wait in PENDING
 * @param connectTimeout connect timeout of every call to carla-runner and dreamer-service
 * @param clientTimeout read timeout of every call to carla-runner and dreamer-service
 * @param episodeAttempts how many times an episode that failed on a dependency is started in all
 * @param episodeRetryDelay how long a failed episode waits before its next attempt
 * @param resumeOnStartup resume unfinished experiments from persisted state on start
 */
@ConfigurationProperties("drivenotes.orchestrator")
public record OrchestratorProperties(
        @DefaultValue("2") int maxConcurrentExperiments,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration clientTimeout,
        @DefaultValue("3") int episodeAttempts,
        @DefaultValue("30s") Duration episodeRetryDelay,
        @DefaultValue("true") boolean resumeOnStartup) {
    public OrchestratorProperties {
        if (maxConcurrentExperiments < 1) {
            throw new IllegalArgumentException("drivenotes.orchestrator.max-concurrent-experiments must be >= 1");
        }
        if (episodeAttempts < 1) {
            throw new IllegalArgumentException("drivenotes.orchestrator.episode-attempts must be >= 1");
        }
        if (episodeRetryDelay.isNegative()) {
            throw new IllegalArgumentException("drivenotes.orchestrator.episode-retry-delay must not be negative");
        }
        if (!connectTimeout.isPositive() || !clientTimeout.isPositive()) {
            throw new IllegalArgumentException(
                    "drivenotes.orchestrator.connect-timeout and client-timeout must be positive");
        }
    }
}

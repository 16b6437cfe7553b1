package dev.drivenotes.orchestrator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Orchestrator settings.
 *
 * @param connectTimeout connect timeout of every call to carla-runner
 * @param clientTimeout read timeout of every call to carla-runner
 * @param resumeOnStartup publish what unfinished experiments' outboxes hold on start
 */
@ConfigurationProperties("drivenotes.orchestrator")
public record OrchestratorProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration clientTimeout,
        @DefaultValue("true") boolean resumeOnStartup) {
    public OrchestratorProperties {
        if (!connectTimeout.isPositive() || !clientTimeout.isPositive()) {
            throw new IllegalArgumentException(
                    "drivenotes.orchestrator.connect-timeout and client-timeout must be positive");
        }
    }
}

package dev.drivenotes.carla.runner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this carla-runner works off episode work items.
 *
 * @param instanceId this runner's name among the runners (in each episode's summary and failure;
 *     its cancellation subscription is named after it): unique per runner
 * @param maxEpisodesInFlight episodes driven at once, in lockstep; never more than the simulator
 *     holds ({@code SimulatorCapacity}: one for a CARLA server)
 * @param episodeAttempts how many times an episode that failed on a dependency is started in all
 * @param episodeRetryDelay how long a failed episode waits before its next attempt
 * @param connectTimeout connect timeout of every call to dreamer-service
 * @param clientTimeout read timeout of every call to dreamer-service
 * @param progressEvery how often the steps driven per experiment are announced (live progress)
 */
@ConfigurationProperties("drivenotes.runner")
public record RunnerProperties(
        @DefaultValue("runner-1") String instanceId,
        @DefaultValue("8") int maxEpisodesInFlight,
        @DefaultValue("3") int episodeAttempts,
        @DefaultValue("30s") Duration episodeRetryDelay,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration clientTimeout,
        @DefaultValue("1s") Duration progressEvery) {

    public RunnerProperties {
        if (instanceId == null || !instanceId.matches("[a-z][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException(
                    "drivenotes.runner.instance-id must be lower-case letters, digits and '-' (at most 31), was "
                            + instanceId);
        }
        if (maxEpisodesInFlight < 1) {
            throw new IllegalArgumentException("drivenotes.runner.max-episodes-in-flight must be >= 1");
        }
        if (episodeAttempts < 1) {
            throw new IllegalArgumentException("drivenotes.runner.episode-attempts must be >= 1");
        }
        if (episodeRetryDelay.isNegative()) {
            throw new IllegalArgumentException("drivenotes.runner.episode-retry-delay must not be negative");
        }
        if (!connectTimeout.isPositive() || !clientTimeout.isPositive() || !progressEvery.isPositive()) {
            throw new IllegalArgumentException(
                    "drivenotes.runner.connect-timeout, client-timeout and progress-every must be positive");
        }
    }
}

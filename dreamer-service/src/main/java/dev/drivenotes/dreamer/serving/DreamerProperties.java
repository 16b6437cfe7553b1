package dev.drivenotes.dreamer.serving;

import dev.drivenotes.dreamer.policy.SessionLimits;
import dev.drivenotes.model.Require;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the policies ({@code drivenotes.dreamer.*}).
 *
 * @param defaultPolicy the policy answering requests whose {@code parameters.policy} is absent
 * @param stepSeconds the control period the autopilot's speed PID assumes (simulator fixed step)
 * @param maxSessions sessions whose policy state is kept at once, per policy
 * @param randomSeed seed of the random policy (each session's generator derives from it)
 * @param checkpoint the dreamer checkpoint: a folder, {@code file:} URI or {@code gs://bucket/prefix};
 *     blank = {@code AIP_STORAGE_URI}, else the bundled one
 * @param sessionTtlSeconds how long a policy keeps a session's state after its last step (the dreamer's
 *     only for sessions that send no carry)
 * @param predictors dreamer forward passes that may run at once
 */
@ConfigurationProperties("drivenotes.dreamer")
record DreamerProperties(
        @DefaultValue("autopilot") String defaultPolicy,
        @DefaultValue("0.05") double stepSeconds,
        @DefaultValue("4096") int maxSessions,
        @DefaultValue("0") long randomSeed,
        @DefaultValue("") String checkpoint,
        @DefaultValue("600") long sessionTtlSeconds,
        @DefaultValue("2") int predictors) {

    DreamerProperties {
        Require.notBlank("drivenotes.dreamer.default-policy", defaultPolicy);
        Require.inRange("drivenotes.dreamer.step-seconds", stepSeconds, 0.001, 0.5);
        Require.inRange("drivenotes.dreamer.max-sessions", maxSessions, 1, 1_000_000);
        Require.inRange("drivenotes.dreamer.session-ttl-seconds", sessionTtlSeconds, 1, 86_400);
        Require.inRange("drivenotes.dreamer.predictors", predictors, 1, 64);
    }

    /** How many sessions each stateful policy keeps, and for how long, on the system clock. */
    SessionLimits sessionLimits() {
        return new SessionLimits(maxSessions, Duration.ofSeconds(sessionTtlSeconds), System::nanoTime);
    }
}

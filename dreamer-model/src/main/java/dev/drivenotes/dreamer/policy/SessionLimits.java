package dev.drivenotes.dreamer.policy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How many sessions a stateful policy remembers, and for how long after a session's last step.
 *
 * @param maxSessions sessions kept at once; beyond it the least recently used one is forgotten
 * @param ttl how long a session's state outlives its last step
 * @param nanoClock the clock {@code ttl} is measured on ({@link System#nanoTime}; a fake one in tests)
 */
public record SessionLimits(int maxSessions, Duration ttl, LongSupplier nanoClock) {

    /** How long a session is remembered unless said otherwise: a stalled episode, not a paused one. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    public SessionLimits {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be positive (was " + maxSessions + ")");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive (was " + ttl + ")");
        }
        if (ttl.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("ttl must be at most a year (was " + ttl + ")");
        }
        if (nanoClock == null) {
            throw new IllegalArgumentException("nanoClock must not be null");
        }
    }

    /** {@code maxSessions} on the system clock with {@link #DEFAULT_TTL}. */
    public static SessionLimits of(int maxSessions) {
        return new SessionLimits(maxSessions, DEFAULT_TTL, System::nanoTime);
    }
}

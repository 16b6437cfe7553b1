package dev.drivenotes.dreamer.policy;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The per-session state of a stateful policy (the autopilot's speed PID, the random policy's
 * generator, the dreamer's carry for clients that send none), within {@link SessionLimits}: beyond
 * {@code maxSessions} the least recently used session is forgotten, and a session expires {@code
 * ttl} after its last step. A forgotten session starts from fresh state, as if {@code isFirst}.
 * Thread-safe.
 */
final class SessionCache<S> {

    private record Entry<S>(S state, long expiresAtNanos) {}

    private final int maxSessions;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final LinkedHashMap<String, Entry<S>> entries = new LinkedHashMap<>(16, 0.75f, true);

    SessionCache(SessionLimits limits) {
        this.maxSessions = limits.maxSessions();
        this.ttlNanos = limits.ttl().toNanos();
        this.clock = limits.nanoClock();
    }

    /** The state of a session's step: fresh on its first step or when unknown; its ttl restarts. */
    synchronized S step(String sessionId, boolean isFirst, Supplier<S> fresh) {
        S state = isFirst ? null : get(sessionId);
        if (state == null) {
            state = fresh.get();
        }
        put(sessionId, state);
        return state;
    }

    /** The session's state, or null when unknown or expired; its ttl does not restart. */
    synchronized S get(String sessionId) {
        Entry<S> e = entries.get(sessionId);
        if (e == null) {
            return null;
        }
        if (e.expiresAtNanos() - clock.getAsLong() <= 0) {
            entries.remove(sessionId);
            return null;
        }
        return e.state();
    }

    /** Stores the session's state after a step (its ttl restarts), forgetting what falls out. */
    synchronized void put(String sessionId, S state) {
        long now = clock.getAsLong();
        entries.put(sessionId, new Entry<>(state, now + ttlNanos));
        Iterator<Map.Entry<String, Entry<S>>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry<S>> eldest = it.next();
            if (entries.size() > maxSessions || eldest.getValue().expiresAtNanos() - now <= 0) {
                it.remove();
            } else {
                break;
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }
}

package dev.drivenotes.dreamer.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per-session policy state, bounded: when more than {@code maxSessions} sessions are known the
 * least recently used one is forgotten (an episode that comes back after that starts from fresh
 * state, as if {@code isFirst}).
 */
final class SessionCache<S> {

    private final Map<String, S> states;

    SessionCache(int maxSessions) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be positive (was " + maxSessions + ")");
        }
        this.states = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
                return size() > maxSessions;
            }
        };
    }

    /** The session's state; a fresh one on its first step or when it is unknown. */
    synchronized S state(String sessionId, boolean isFirst, Supplier<S> fresh) {
        S state = isFirst ? null : states.get(sessionId);
        if (state == null) {
            state = fresh.get();
            states.put(sessionId, state);
        }
        return state;
    }

    synchronized int size() {
        return states.size();
    }
}

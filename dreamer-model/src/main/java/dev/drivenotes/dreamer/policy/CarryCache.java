package dev.drivenotes.dreamer.policy;

import dev.drivenotes.dreamer.model.Carry;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Server-side carries for clients that send none: bounded (least recently used evicted beyond
 * {@code maxSessions}) and expiring {@code ttlNanos} after a session's last step.
 */
public final class CarryCache {

    private record Entry(Carry carry, long expiresAtNanos) {}

    private final int maxSessions;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    public CarryCache(int maxSessions, long ttlNanos, LongSupplier clock) {
        if (maxSessions < 1 || ttlNanos < 1) {
            throw new IllegalArgumentException("maxSessions and ttl must be positive");
        }
        this.maxSessions = maxSessions;
        this.ttlNanos = ttlNanos;
        this.clock = clock;
    }

    /** The session's carry, or null when unknown or expired. */
    synchronized Carry get(String sessionId) {
        Entry e = entries.get(sessionId);
        if (e == null) {
            return null;
        }
        if (e.expiresAtNanos() - clock.getAsLong() <= 0) {
            entries.remove(sessionId);
            return null;
        }
        return e.carry();
    }

    synchronized void put(String sessionId, Carry carry) {
        long now = clock.getAsLong();
        entries.put(sessionId, new Entry(carry, now + ttlNanos));
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> eldest = it.next();
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

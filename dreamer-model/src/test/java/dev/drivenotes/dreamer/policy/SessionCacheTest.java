package dev.drivenotes.dreamer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionCacheTest {

    private final AtomicLong nowNanos = new AtomicLong();

    private SessionCache<AtomicInteger> cache(int maxSessions, long ttlNanos) {
        return new SessionCache<>(new SessionLimits(maxSessions, Duration.ofNanos(ttlNanos), nowNanos::get));
    }

    @Test
    void forgetsTheLeastRecentlyUsedSessionBeyondItsBound() {
        SessionCache<AtomicInteger> cache = cache(2, 1_000);
        AtomicInteger a = cache.step("a", true, AtomicInteger::new);
        cache.step("b", true, AtomicInteger::new);
        assertThat(cache.step("a", false, AtomicInteger::new)).isSameAs(a);

        cache.step("c", true, AtomicInteger::new);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.step("a", false, AtomicInteger::new)).isSameAs(a);
        AtomicInteger b = cache.step("b", false, () -> new AtomicInteger(42));
        assertThat(b.get()).as("b was evicted, so it starts fresh").isEqualTo(42);
    }

    @Test
    void aGetCountsAsUseForTheBoundButNotForTheTtl() {
        SessionCache<AtomicInteger> cache = cache(2, 100);
        cache.put("a", new AtomicInteger(1));
        cache.put("b", new AtomicInteger(2));
        nowNanos.set(99);
        assertThat(cache.get("a")).hasValue(1);
        cache.put("c", new AtomicInteger(3));
        assertThat(cache.get("b")).as("least recently used").isNull();

        nowNanos.set(100);
        assertThat(cache.get("a")).as("its ttl ran from the put at 0").isNull();
        assertThat(cache.get("c")).hasValue(3);
    }

    @Test
    void eachStepRestartsTheTtlAndAnExpiredSessionStartsFresh() {
        SessionCache<AtomicInteger> cache = cache(10, 100);
        AtomicInteger a = cache.step("a", true, AtomicInteger::new);
        nowNanos.set(90);
        assertThat(cache.step("a", false, AtomicInteger::new)).isSameAs(a);
        nowNanos.set(180);
        assertThat(cache.step("a", false, AtomicInteger::new)).isSameAs(a);

        nowNanos.set(280);
        assertThat(cache.step("a", false, () -> new AtomicInteger(7))).hasValue(7);
    }

    @Test
    void replacesASessionsStateOnItsFirstStep() {
        SessionCache<AtomicInteger> cache = cache(10, 1_000);
        AtomicInteger old = cache.step("a", true, AtomicInteger::new);

        assertThat(cache.step("a", true, AtomicInteger::new)).isNotSameAs(old);
    }

    @Test
    void limitsRejectNoSessionsAndANonPositiveTtl() {
        assertThatThrownBy(() -> new SessionLimits(0, Duration.ofSeconds(1), System::nanoTime))
                .hasMessageContaining("maxSessions");
        assertThatThrownBy(() -> new SessionLimits(1, Duration.ZERO, System::nanoTime))
                .hasMessageContaining("ttl");
    }
}

package dev.drivenotes.dreamer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionCacheTest {

    @Test
    void forgetsTheLeastRecentlyUsedSessionBeyondItsBound() {
        SessionCache<AtomicInteger> cache = new SessionCache<>(2);
        AtomicInteger a = cache.state("a", true, AtomicInteger::new);
        cache.state("b", true, AtomicInteger::new);
        assertThat(cache.state("a", false, AtomicInteger::new)).isSameAs(a);

        cache.state("c", true, AtomicInteger::new);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.state("a", false, AtomicInteger::new)).isSameAs(a);
        AtomicInteger b = cache.state("b", false, () -> new AtomicInteger(42));
        assertThat(b.get()).as("b was evicted, so it starts fresh").isEqualTo(42);
    }

    @Test
    void replacesASessionsStateOnItsFirstStep() {
        SessionCache<AtomicInteger> cache = new SessionCache<>(10);
        AtomicInteger old = cache.state("a", true, AtomicInteger::new);

        assertThat(cache.state("a", true, AtomicInteger::new)).isNotSameAs(old);
    }
}

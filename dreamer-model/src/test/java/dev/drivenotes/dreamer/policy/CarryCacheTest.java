package dev.drivenotes.dreamer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.dreamer.model.Carry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CarryCacheTest {

    private static Carry carry(int action) {
        return new Carry(new float[] {action}, new byte[] {1}, action);
    }

    @Test
    void forgetsASessionAfterItsTtl() {
        AtomicLong now = new AtomicLong();
        CarryCache cache = new CarryCache(10, 100, now::get);
        cache.put("a", carry(1));
        now.set(99);
        assertThat(cache.get("a")).isEqualTo(carry(1));
        now.set(198);
        assertThat(cache.get("a")).as("the get at 99 does not extend the ttl").isNull();
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondItsBound() {
        AtomicLong now = new AtomicLong();
        CarryCache cache = new CarryCache(2, 1_000, now::get);
        cache.put("a", carry(1));
        cache.put("b", carry(2));
        cache.get("a");
        cache.put("c", carry(3));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isEqualTo(carry(1));
    }
}

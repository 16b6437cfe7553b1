package dev.drivenotes.platform.events;

import static dev.drivenotes.platform.events.InProcessEventBusTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscription with several events in flight (work items that take long each): never more than
 * {@code maxInFlight} handlers at once, and after a crash every event that was still in flight is
 * delivered again, none that the offset passed before it was handled.
 */
class ConcurrentDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void handlesUpToMaxInFlightEventsAtOnceAndEachOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<String> handled = ConcurrentHashMap.newKeySet();
        EventHandler slow = e -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(50);
            running.decrementAndGet();
            handled.add(e.experimentId());
        };
        try (InProcessEventBus bus = InProcessEventBus.open(folder)) {
            bus.subscribe("work", slow, 3);
            for (int i = 0; i < 9; i++) {
                bus.publish(event("exp-" + i)).join();
            }

            assertThat(bus.awaitIdle(WAIT)).isTrue();
        }

        assertThat(handled).hasSize(9);
        assertThat(mostAtOnce.get()).isEqualTo(3);
    }

    @Test
    void afterACrashEveryEventStillInFlightIsDeliveredAgain() throws Exception {
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch othersHandled = new CountDownLatch(2);
        EventHandler holdingTheFirst = e -> {
            if (e.experimentId().equals("exp-0")) {
                firstHeld.countDown();
                Thread.sleep(Long.MAX_VALUE);
            }
            othersHandled.countDown();
        };
        InProcessEventBus crashed = InProcessEventBus.open(folder);
        crashed.subscribe("work", holdingTheFirst, 2);
        List<EventEnvelope> published = List.of(event("exp-0"), event("exp-1"), event("exp-2"));
        for (EventEnvelope e : published) {
            crashed.publish(e).join();
        }
        assertThat(firstHeld.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(othersHandled.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        crashed.halt();

        Set<String> redelivered = ConcurrentHashMap.newKeySet();
        try (InProcessEventBus restarted = InProcessEventBus.open(folder)) {
            restarted.subscribe("work", e -> redelivered.add(e.experimentId()), 2);
            assertThat(restarted.awaitIdle(WAIT)).isTrue();
        }

        // exp-0 was never handled: it comes again, with what followed it (handlers deduplicate)
        assertThat(redelivered).contains("exp-0").isSubsetOf("exp-0", "exp-1", "exp-2");
    }
}

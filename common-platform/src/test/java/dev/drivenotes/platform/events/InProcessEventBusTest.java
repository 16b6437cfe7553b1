package dev.drivenotes.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentFailed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InProcessEventBusTest {

    private static EventEnvelope event(String experimentId) {
        return EventEnvelope.wrap(new ExperimentFailed(experimentId, "test"), Instant.now());
    }

    @Test
    void deliversEveryEventToEverySubscriptionInOrder() throws Exception {
        try (InProcessEventBus bus = new InProcessEventBus()) {
            List<String> a = new CopyOnWriteArrayList<>();
            List<String> b = new CopyOnWriteArrayList<>();
            bus.subscribe("a", e -> a.add(e.experimentId()));
            bus.subscribe("b", e -> b.add(e.experimentId()));

            for (int i = 0; i < 20; i++) {
                bus.publish(event("x" + i)).get();
            }

            assertThat(bus.awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(a).hasSize(20).startsWith("x0", "x1").endsWith("x19");
            assertThat(b).isEqualTo(a);
        }
    }

    @Test
    void redeliversAfterAFailureUntilHandled() throws Exception {
        try (InProcessEventBus bus = new InProcessEventBus(5, Duration.ofMillis(1))) {
            AtomicInteger attempts = new AtomicInteger();
            bus.subscribe("flaky", e -> {
                if (attempts.incrementAndGet() < 3) {
                    throw new IllegalStateException("not yet");
                }
            });

            bus.publish(event("x")).get();

            assertThat(bus.awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(attempts).hasValue(3);
            assertThat(bus.deadLetters()).isEmpty();
        }
    }

    @Test
    void deadLettersAfterMaxAttempts() throws Exception {
        try (InProcessEventBus bus = new InProcessEventBus(3, Duration.ofMillis(1))) {
            AtomicInteger attempts = new AtomicInteger();
            bus.subscribe("broken", e -> {
                attempts.incrementAndGet();
                throw new IllegalStateException("always");
            });

            bus.publish(event("x")).get();

            assertThat(bus.awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(attempts).hasValue(3);
            assertThat(bus.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.subscription()).isEqualTo("broken");
                assertThat(d.lastError()).contains("always");
            });
        }
    }

    @Test
    void refusesASecondConsumerOnOneSubscriptionAndPublishingAfterClose() {
        InProcessEventBus bus = new InProcessEventBus();
        bus.subscribe("s", e -> {});
        assertThatThrownBy(() -> bus.subscribe("s", e -> {})).isInstanceOf(IllegalStateException.class);
        bus.close();
        assertThat(bus.publish(event("x"))).isCompletedExceptionally();
    }
}

package dev.drivenotes.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentFailed;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessEventBusTest {

    @TempDir
    Path folder;

    static EventEnvelope event(String experimentId) {
        return EventEnvelope.wrap(new ExperimentFailed(experimentId, "test"), Instant.now());
    }

    private InProcessEventBus bus(int maxAttempts) {
        return InProcessEventBus.open(
                folder, InProcessEventBus.Settings.DEFAULTS.withDelivery(maxAttempts, Duration.ofMillis(1)));
    }

    @Test
    void deliversEveryEventToEverySubscriptionInOrder() throws Exception {
        try (InProcessEventBus bus = InProcessEventBus.open(folder)) {
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
        try (InProcessEventBus bus = bus(5)) {
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
    void deadLettersAfterMaxAttemptsAndKeepsThemAcrossARestart() throws Exception {
        EventEnvelope poison = event("x");
        try (InProcessEventBus bus = bus(3)) {
            AtomicInteger attempts = new AtomicInteger();
            bus.subscribe("broken", e -> {
                attempts.incrementAndGet();
                throw new IllegalStateException("always");
            });

            bus.publish(poison).get();

            assertThat(bus.awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(attempts).hasValue(3);
        }
        try (InProcessEventBus reopened = bus(3)) {
            assertThat(reopened.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.subscription()).isEqualTo("broken");
                assertThat(d.event()).isEqualTo(poison);
                assertThat(d.lastError()).contains("always");
            });
        }
    }

    @Test
    void refusesASecondConsumerOnOneSubscriptionAndPublishingAfterClose() {
        InProcessEventBus bus = InProcessEventBus.open(folder);
        bus.subscribe("s", e -> {});
        assertThatThrownBy(() -> bus.subscribe("s", e -> {})).isInstanceOf(IllegalStateException.class);
        bus.close();
        assertThat(bus.publish(event("x"))).isCompletedExceptionally();
    }

    @Test
    void refusesASecondBusOnTheSameFolder() {
        try (InProcessEventBus bus = InProcessEventBus.open(folder)) {
            assertThatThrownBy(() -> InProcessEventBus.open(folder))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already open");
            assertThat(bus.folder()).isEqualTo(folder.toAbsolutePath().normalize());
        }
    }

    @Test
    void reportsEachSubscriptionsStatusWithItsBacklog() throws Exception {
        try (InProcessEventBus bus = InProcessEventBus.open(folder)) {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            bus.subscribe("slow", e -> release.await());
            bus.subscribe("fast", e -> {});
            bus.publish(event("x1")).get();
            bus.publish(event("x2")).get();

            Thread.sleep(100);
            List<SubscriptionStatus> statuses = bus.subscriptionStatuses();
            release.countDown();

            assertThat(statuses).extracting(SubscriptionStatus::subscription).containsExactly("fast", "slow");
            assertThat(statuses).allSatisfy(s -> assertThat(s.up()).isTrue());
            assertThat(statuses.get(1).details()).containsEntry("backlog", 2L);
        }
    }
}

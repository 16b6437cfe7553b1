package dev.drivenotes.platform.events;

import static dev.drivenotes.platform.events.InProcessEventBusTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bus survives a crash: {@link InProcessEventBus#halt()} drops a bus as a killed process would
 * (nothing flushed, deliveries abandoned), then a new bus opens the same folder.
 */
class InProcessEventBusCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    /** A consumer whose effect is idempotent by event id, as every real handler is. */
    static final class LedgerHandler implements EventHandler {
        final Set<String> ledger = ConcurrentHashMap.newKeySet();
        final List<String> effects = new CopyOnWriteArrayList<>();
        final AtomicInteger deliveries = new AtomicInteger();

        @Override
        public void handle(EventEnvelope event) throws Exception {
            deliveries.incrementAndGet();
            if (ledger.add(event.eventId())) {
                effects.add(event.experimentId());
            }
        }
    }

    @Test
    void eventsPublishedBeforeACrashAreDeliveredAfterIt() throws Exception {
        InProcessEventBus before = InProcessEventBus.open(folder);
        CountDownLatch never = new CountDownLatch(1);
        before.subscribe("reporter", e -> never.await());
        for (int i = 0; i < 5; i++) {
            before.publish(event("x" + i)).get();
        }
        before.halt();

        LedgerHandler after = new LedgerHandler();
        try (InProcessEventBus reopened = InProcessEventBus.open(folder)) {
            reopened.subscribe("reporter", after);
            assertThat(reopened.awaitIdle(WAIT)).isTrue();
        }
        assertThat(after.effects).containsExactly("x0", "x1", "x2", "x3", "x4");
    }

    @Test
    void aRestartResumesEachSubscriptionAtItsOffsetAndTheEventInFlightHasNoSecondEffect() throws Exception {
        LedgerHandler handler = new LedgerHandler();
        CountDownLatch inFlight = new CountDownLatch(1);
        InProcessEventBus before = InProcessEventBus.open(folder);
        before.subscribe("reporter", e -> {
            handler.handle(e);
            if (e.experimentId().equals("x2")) {
                // its effect is recorded, but the process dies before the bus moves the offset
                inFlight.countDown();
                new CountDownLatch(1).await();
            }
        });
        for (int i = 0; i < 4; i++) {
            before.publish(event("x" + i)).get();
        }
        assertThat(inFlight.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        before.halt();
        assertThat(handler.deliveries).hasValue(3);

        try (InProcessEventBus reopened = InProcessEventBus.open(folder)) {
            reopened.subscribe("reporter", handler);
            assertThat(reopened.awaitIdle(WAIT)).isTrue();
        }
        // x0 and x1 were behind the offset: not delivered again; x2 was in flight: delivered again
        assertThat(handler.deliveries).hasValue(5);
        assertThat(handler.effects).containsExactly("x0", "x1", "x2", "x3");
    }

    @Test
    void aSubscriptionKnownBeforeTheCrashGetsWhatWasPublishedWhileItWasClosed() throws Exception {
        try (InProcessEventBus first = InProcessEventBus.open(folder)) {
            first.subscribe("reporter", e -> {}).close();
            first.publish(event("while-closed")).get();
        }
        LedgerHandler handler = new LedgerHandler();
        try (InProcessEventBus reopened = InProcessEventBus.open(folder)) {
            reopened.subscribe("reporter", handler);
            reopened.subscribe("newcomer", e -> handler.effects.add("newcomer saw " + e.experimentId()));
            assertThat(reopened.awaitIdle(WAIT)).isTrue();
        }
        // a subscription opened for the first time starts at the end of the log, as on Pub/Sub
        assertThat(handler.effects).containsExactly("while-closed");
    }

    @Test
    void aLineTornByTheCrashIsCutOffAndTheEventsBeforeItSurvive() throws Exception {
        InProcessEventBus before = InProcessEventBus.open(folder);
        before.subscribe("reporter", e -> new CountDownLatch(1).await());
        before.publish(event("x0")).get();
        before.publish(event("x1")).get();
        before.halt();
        Path segment = onlySegment();
        Files.writeString(segment, "{\"seq\":2,\"event\":{\"eventId\":\"to", StandardOpenOption.APPEND);

        LedgerHandler handler = new LedgerHandler();
        try (InProcessEventBus reopened = InProcessEventBus.open(folder)) {
            reopened.subscribe("reporter", handler);
            reopened.publish(event("x2")).get();
            assertThat(reopened.awaitIdle(WAIT)).isTrue();
        }
        assertThat(handler.effects).containsExactly("x0", "x1", "x2");
    }

    @Test
    void refusesToOpenALogCorruptedBeforeItsEnd() throws Exception {
        try (InProcessEventBus bus = InProcessEventBus.open(folder)) {
            bus.publish(event("x0")).get();
            bus.publish(event("x1")).get();
        }
        Path segment = onlySegment();
        List<String> lines = new ArrayList<>(Files.readAllLines(segment));
        lines.set(0, "not json");
        Files.write(segment, lines, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> InProcessEventBus.open(folder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("corrupt at line 1");
    }

    @Test
    void deletesSegmentsOnceEverySubscriptionConsumedThemAndKeepsThoseALaggardNeeds() throws Exception {
        InProcessEventBus.Settings small = new InProcessEventBus.Settings(5, Duration.ofMillis(1), 1024, false);
        LedgerHandler laggard = new LedgerHandler();
        try (InProcessEventBus bus = InProcessEventBus.open(folder, small)) {
            bus.subscribe("laggard", laggard).close();
            bus.subscribe("reporter", e -> {});
            for (int i = 0; i < 60; i++) {
                bus.publish(event("x" + i)).get();
            }
            assertThat(bus.awaitIdle(WAIT)).isTrue();
            assertThat(bus.segmentCount())
                    .as("the laggard has consumed nothing")
                    .isGreaterThan(5);

            bus.subscribe("laggard", laggard);
            assertThat(bus.awaitIdle(WAIT)).isTrue();
            assertThat(bus.segmentCount()).isLessThanOrEqualTo(2);
        }
        assertThat(laggard.effects).hasSize(60);
        try (InProcessEventBus reopened = InProcessEventBus.open(folder, small)) {
            LedgerHandler late = new LedgerHandler();
            reopened.subscribe("reporter", late);
            assertThat(reopened.awaitIdle(WAIT)).isTrue();
            assertThat(late.effects).isEmpty();
        }
    }

    private Path onlySegment() throws Exception {
        try (Stream<Path> files = Files.list(folder.resolve("log"))) {
            List<Path> segments = files.toList();
            assertThat(segments).hasSize(1);
            return segments.getFirst();
        }
    }
}

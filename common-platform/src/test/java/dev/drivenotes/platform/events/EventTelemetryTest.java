package dev.drivenotes.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentFailed;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.platform.observability.LogContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class EventTelemetryTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final io.opentelemetry.api.trace.Tracer otelTracer = otel.getTracer("test");
    private final Tracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> {});
    private final EventTelemetry telemetry =
            new EventTelemetry("reporter", meters, tracer, new OtelPropagator(otel.getPropagators(), otelTracer));

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        otel.close();
    }

    private static EventEnvelope event() {
        return EventEnvelope.wrap(new ExperimentFailed("exp-1", "test"), Instant.now());
    }

    @Test
    void publishesEachEventInTheTraceItWasPublishedInAndCountsWhatTheBusAccepted() {
        AtomicReference<EventEnvelope> sent = new AtomicReference<>();
        Span span = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            telemetry
                    .publisher(e -> {
                        sent.set(e);
                        return CompletableFuture.completedFuture(null);
                    })
                    .publish(event())
                    .join();
        } finally {
            span.end();
        }

        assertThat(sent.get().traceparent()).startsWith("00-" + span.context().traceId() + "-");
        assertThat(meters.get(EventTelemetry.PUBLISHED)
                        .tag("type", "ExperimentFailed")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void keepsTheTraceAnEventAlreadyCarriesAndCountsNothingTheBusRefused() {
        AtomicReference<EventEnvelope> sent = new AtomicReference<>();
        Span span = tracer.nextSpan().name("retry").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            CompletableFuture<Void> refused = telemetry
                    .publisher(e -> {
                        sent.set(e);
                        return CompletableFuture.failedFuture(new IllegalStateException("bus down"));
                    })
                    .publish(event().withTraceparent(TRACEPARENT));
            assertThat(refused).isCompletedExceptionally();
        } finally {
            span.end();
        }

        assertThat(sent.get().traceparent()).isEqualTo(TRACEPARENT);
        assertThat(meters.find(EventTelemetry.PUBLISHED).counter()).isNull();
    }

    @Test
    void handlesAnEventInsideThePublishersTraceWithItsExperimentInTheLogContext() throws Exception {
        AtomicReference<String> traceId = new AtomicReference<>();
        AtomicReference<String> experiment = new AtomicReference<>();
        AtomicReference<String> service = new AtomicReference<>();

        telemetry
                .handler("reporter", e -> {
                    traceId.set(tracer.currentSpan().context().traceId());
                    experiment.set(MDC.get(LogContext.EXPERIMENT_ID));
                    service.set(MDC.get(LogContext.SERVICE));
                })
                .handle(event().withTraceparent(TRACEPARENT));

        assertThat(traceId).hasValue(TRACE_ID);
        assertThat(experiment).hasValue("exp-1");
        assertThat(service).hasValue("reporter");
        assertThat(MDC.get(LogContext.EXPERIMENT_ID)).isNull();
        assertThat(meters.get(EventTelemetry.DELIVERED)
                        .tags("subscription", "reporter", "outcome", "handled")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void countsAFailedDeliveryAndLetsTheFailureThrough() {
        assertThatThrownBy(() -> telemetry
                        .handler("reporter", e -> {
                            throw new IllegalStateException("broken");
                        })
                        .handle(event()))
                .hasMessage("broken");

        assertThat(meters.get(EventTelemetry.DELIVERED)
                        .tags("subscription", "reporter", "outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void countsTheBussRedeliveriesAndDeadLettersPerSubscription() throws Exception {
        try (InProcessEventBus bus = InProcessEventBus.open(
                folder, InProcessEventBus.Settings.DEFAULTS.withDelivery(3, Duration.ofMillis(1)))) {
            bus.subscribe("broken", telemetry.handler("broken", e -> {
                throw new IllegalStateException("always");
            }));
            bus.publish(event()).get();
            assertThat(bus.awaitIdle(Duration.ofSeconds(5))).isTrue();
        }

        assertThat(meters.get(EventTelemetry.REDELIVERED)
                        .tag("subscription", "broken")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get(EventTelemetry.DEAD_LETTERS)
                        .tag("subscription", "broken")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void envelopesWrittenBeforeTheTraceFieldStillParseAndTheFieldRoundTrips() {
        String old = """
                {"eventId":"e1","type":"ExperimentFailed","experimentId":"exp-1",
                 "occurredAt":"2026-01-01T00:00:00Z","schemaVersion":1,
                 "payload":{"experimentId":"exp-1","reason":"test"}}""";

        EventEnvelope parsed = Json.mapper().readValue(old, EventEnvelope.class);
        assertThat(parsed.traceparent()).isNull();
        assertThat(Json.mapper().writeValueAsString(parsed)).doesNotContain("traceparent");

        EventEnvelope traced = parsed.withTraceparent(TRACEPARENT);
        EventEnvelope back = Json.mapper().readValue(Json.mapper().writeValueAsString(traced), EventEnvelope.class);
        assertThat(back).isEqualTo(traced);
    }
}

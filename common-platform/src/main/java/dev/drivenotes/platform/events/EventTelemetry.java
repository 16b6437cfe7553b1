package dev.drivenotes.platform.events;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventHandler;
import dev.drivenotes.model.port.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * A service's meters and trace context for events, whichever bus carries them. {@link #publisher}
 * stamps each envelope with the publishing thread's trace context ({@code traceparent}) and counts
 * it once the bus accepted it; {@link #handler} continues that trace around each delivery and counts
 * it. The meters, tagged with the subscription and the event type:
 *
 * <ul>
 *   <li>{@value #PUBLISHED}: events a bus accepted;
 *   <li>{@value #DELIVERED}: deliveries to a handler, {@code outcome} handled or failed;
 *   <li>{@value #REDELIVERED}: deliveries after a failed one (counted by the bus);
 *   <li>{@value #DEAD_LETTERS}: events a subscription gave up on (counted by the bus).
 * </ul>
 */
public final class EventTelemetry {

    public static final String PUBLISHED = "drivenotes.events.published";
    public static final String DELIVERED = "drivenotes.events.delivered";
    public static final String REDELIVERED = "drivenotes.events.redelivered";
    public static final String DEAD_LETTERS = "drivenotes.events.dead.letters";

    /** The W3C header, envelope field and Pub/Sub attribute that carries the trace context. */
    public static final String TRACEPARENT = "traceparent";

    private final String service;
    private final MeterRegistry meters;
    private final Tracer tracer;
    private final Propagator propagator;

    /** @param service the application's name, for the logging MDC of each delivery */
    public EventTelemetry(String service, MeterRegistry meters, Tracer tracer, Propagator propagator) {
        this.service = service;
        this.meters = meters;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Counts nothing anywhere and carries no trace context (tests, tools). */
    public static EventTelemetry none() {
        return new EventTelemetry("drivenotes", new CompositeMeterRegistry(), Tracer.NOOP, Propagator.NOOP);
    }

    /** {@code delegate}, stamping every envelope with the current trace context and counting what it accepted. */
    public EventPublisher publisher(EventPublisher delegate) {
        return event -> {
            EventEnvelope stamped = withCurrentTrace(event);
            return delegate.publish(stamped)
                    .thenRun(() -> Counter.builder(PUBLISHED)
                            .tag("type", event.type())
                            .register(meters)
                            .increment());
        };
    }

    /** {@code delegate} under subscription {@code subscription}: in the publisher's trace, counted. */
    public EventHandler handler(String subscription, EventHandler delegate) {
        return new ObservedEventHandler(service, subscription, delegate, meters, tracer, propagator);
    }

    /**
     * The envelope with the current trace context as its {@code traceparent}; unchanged when it
     * already has one (an outbox retry keeps the trace it was first published in) or when no trace
     * is current.
     */
    /** A span in scope on one thread; closing it leaves the scope and ends the span. */
    public interface TraceScope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A span named {@code name} in the trace of {@code traceparent} (a new trace when null), in scope
     * on this thread until closed: work done for an event later, on another thread (an episode driven
     * for its work item), stays in the event's trace, its calls and log lines included.
     */
    public TraceScope inTraceOf(String traceparent, String name) {
        Span span = propagator
                .extract(traceparent, (carrier, key) -> TRACEPARENT.equals(key) ? carrier : null)
                .name(name)
                .start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        return () -> {
            scope.close();
            span.end();
        };
    }

    EventEnvelope withCurrentTrace(EventEnvelope event) {
        if (event.traceparent() != null) {
            return event;
        }
        TraceContext current = tracer.currentTraceContext().context();
        if (current == null) {
            return event;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(current, carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        return traceparent == null ? event : event.withTraceparent(traceparent);
    }
}

package dev.drivenotes.platform.events;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventHandler;
import dev.drivenotes.platform.observability.LogContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.MDC;

/**
 * A handler wrapped by {@link EventTelemetry#handler}: each delivery runs in a consumer span whose
 * parent is the envelope's {@code traceparent} (a new trace when it has none), with the service,
 * the experiment and (for an episode's event) the episode in the logging MDC ({@link LogContext}),
 * and is counted. A bus tells it about redeliveries and dead
 * letters through {@link #redelivering} and {@link #deadLettered}, which do nothing for a handler
 * that is not wrapped.
 */
public final class ObservedEventHandler implements EventHandler {

    private final String service;
    private final String subscription;
    private final EventHandler delegate;
    private final MeterRegistry meters;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Counter redeliveries;
    private final Counter deadLetters;

    ObservedEventHandler(
            String service,
            String subscription,
            EventHandler delegate,
            MeterRegistry meters,
            Tracer tracer,
            Propagator propagator) {
        this.service = service;
        this.subscription = subscription;
        this.delegate = delegate;
        this.meters = meters;
        this.tracer = tracer;
        this.propagator = propagator;
        // registered up front: a dashboard shows 0, not "no data", while nothing went wrong
        this.redeliveries = Counter.builder(EventTelemetry.REDELIVERED)
                .tag("subscription", subscription)
                .register(meters);
        this.deadLetters = Counter.builder(EventTelemetry.DEAD_LETTERS)
                .tag("subscription", subscription)
                .register(meters);
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        Span span = propagator
                .extract(event, (e, key) -> EventTelemetry.TRACEPARENT.equals(key) ? e.traceparent() : null)
                .name("handle " + event.type())
                .kind(Span.Kind.CONSUMER)
                .tag("subscription", subscription)
                .tag("experimentId", event.experimentId())
                .start();
        String outcome = "failed";
        try (Tracer.SpanInScope scope = tracer.withSpan(span);
                MDC.MDCCloseable name = MDC.putCloseable(LogContext.SERVICE, service);
                MDC.MDCCloseable experiment = MDC.putCloseable(LogContext.EXPERIMENT_ID, event.experimentId());
                MDC.MDCCloseable episode =
                        episodeOf(event) == null ? null : MDC.putCloseable(LogContext.EPISODE_ID, episodeOf(event))) {
            delegate.handle(event);
            outcome = "handled";
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
            Counter.builder(EventTelemetry.DELIVERED)
                    .tag("subscription", subscription)
                    .tag("type", event.type())
                    .tag("outcome", outcome)
                    .register(meters)
                    .increment();
        }
    }

    private static String episodeOf(EventEnvelope event) {
        return event.payload() instanceof EpisodeCompleted episode
                ? episode.summary().episodeId()
                : null;
    }

    /** A bus is about to deliver an event to {@code handler} again after a failed delivery. */
    public static void redelivering(EventHandler handler) {
        if (handler instanceof ObservedEventHandler observed) {
            observed.redeliveries.increment();
        }
    }

    /** A bus gave up on an event for {@code handler}'s subscription (it went to the dead letters). */
    public static void deadLettered(EventHandler handler) {
        if (handler instanceof ObservedEventHandler observed) {
            observed.deadLetters.increment();
        }
    }
}

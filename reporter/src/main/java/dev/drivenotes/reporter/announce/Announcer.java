package dev.drivenotes.reporter.announce;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.platform.events.EventTelemetry;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Publishes the reporter's own events and waits (bounded) until the bus has each one, so a handler
 * never returns before its announcements are safe: a failure throws and the handled event is
 * redelivered.
 */
@Component
public class Announcer {

    static final long PUBLISH_TIMEOUT_S = 30;

    private final EventPublisher publisher;

    public Announcer(EventPublisher publisher, EventTelemetry telemetry) {
        this.publisher = telemetry.publisher(publisher);
    }

    /** @throws IllegalStateException when the bus does not accept the event within the timeout */
    public void announce(EventEnvelope envelope) {
        try {
            publisher
                    .publish(envelope)
                    .orTimeout(PUBLISH_TIMEOUT_S, TimeUnit.SECONDS)
                    .join();
        } catch (CompletionException e) {
            throw new IllegalStateException(
                    envelope.type() + " " + envelope.eventId() + " for " + envelope.experimentId()
                            + " was not accepted",
                    e.getCause());
        }
    }
}

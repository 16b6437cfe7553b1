package dev.drivenotes.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope every event travels in. {@code type} names the payload's record; consumers
 * deduplicate by {@code eventId} (delivery is at least once everywhere). {@code traceparent} is the
 * W3C trace context of whoever published it (absent in envelopes written before it existed, or
 * published outside a trace): a handler continues that trace.
 */
public record EventEnvelope(
        String eventId,
        String type,
        String experimentId,
        Instant occurredAt,
        int schemaVersion,

        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
        @JsonSubTypes({
            @JsonSubTypes.Type(value = ExperimentStarted.class, name = "ExperimentStarted"),
            @JsonSubTypes.Type(value = EpisodeRequested.class, name = "EpisodeRequested"),
            @JsonSubTypes.Type(value = EpisodeCompleted.class, name = "EpisodeCompleted"),
            @JsonSubTypes.Type(value = EpisodeFailed.class, name = "EpisodeFailed"),
            @JsonSubTypes.Type(value = RunnerProgress.class, name = "RunnerProgress"),
            @JsonSubTypes.Type(value = ExperimentCompleted.class, name = "ExperimentCompleted"),
            @JsonSubTypes.Type(value = ExperimentFailed.class, name = "ExperimentFailed"),
            @JsonSubTypes.Type(value = ExperimentCancelled.class, name = "ExperimentCancelled"),
            @JsonSubTypes.Type(value = ReportPublished.class, name = "ReportPublished"),
            @JsonSubTypes.Type(value = AccuracyRegression.class, name = "AccuracyRegression")
        })
        DomainEvent payload,

        @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent) {

    public static final int SCHEMA_VERSION = 1;

    /** A name-based (version 3) UUID of {@code key}: the same key always gives the same event id. */
    public static String idOf(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** A W3C traceparent is 55 characters; later versions may append fields. */
    static final int MAX_TRACEPARENT_CHARS = 256;

    public EventEnvelope {
        Require.notBlank("eventId", eventId);
        Require.notNull("payload", payload);
        String expected = payload.getClass().getSimpleName();
        if (type == null) {
            type = expected;
        } else if (!type.equals(expected)) {
            throw new InvalidInputException("type", "'" + type + "' does not match payload " + expected);
        }
        experimentId = experimentId == null ? payload.experimentId() : experimentId;
        if (!experimentId.equals(payload.experimentId())) {
            throw new InvalidInputException("experimentId", "does not match the payload's experimentId");
        }
        Require.notNull("occurredAt", occurredAt);
        Require.inRange("schemaVersion", schemaVersion, 1, SCHEMA_VERSION);
        if (traceparent != null && (traceparent.isBlank() || traceparent.length() > MAX_TRACEPARENT_CHARS)) {
            throw new InvalidInputException(
                    "traceparent",
                    "must be absent or a W3C traceparent of at most " + MAX_TRACEPARENT_CHARS + " characters");
        }
    }

    /** The same event carrying {@code traceparent} (the envelope's id and everything else unchanged). */
    public EventEnvelope withTraceparent(String traceparent) {
        return new EventEnvelope(eventId, type, experimentId, occurredAt, schemaVersion, payload, traceparent);
    }

    /** Wraps a payload in a new envelope with a fresh id. */
    public static EventEnvelope wrap(DomainEvent payload, Instant now) {
        return wrap(UUID.randomUUID().toString(), payload, now);
    }

    /**
     * Wraps a payload under a chosen id: whoever publishes the same fact twice (a redelivered work
     * item driven again) publishes one event, which consumers skip the second time.
     */
    public static EventEnvelope wrap(String eventId, DomainEvent payload, Instant now) {
        return new EventEnvelope(
                eventId,
                payload.getClass().getSimpleName(),
                payload.experimentId(),
                now,
                SCHEMA_VERSION,
                payload,
                null);
    }
}

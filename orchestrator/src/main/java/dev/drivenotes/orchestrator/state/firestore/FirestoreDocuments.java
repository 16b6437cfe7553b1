package dev.drivenotes.orchestrator.state.firestore;

import com.google.api.core.ApiFuture;
import com.google.cloud.Timestamp;
import dev.drivenotes.platform.json.Json;
import java.time.Instant;
import java.util.concurrent.ExecutionException;

/**
 * Shared bits of the Firestore stores: a state record is kept as its JSON (field {@code json}, the
 * same form as the local store's files) beside a few plain fields for queries and the console.
 */
final class FirestoreDocuments {

    static final String JSON = "json";

    private FirestoreDocuments() {}

    static String toJson(Object value) {
        return Json.mapper().writeValueAsString(value);
    }

    static <T> T fromJson(String json, Class<T> type) {
        return Json.mapper().readValue(json, type);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
    }

    /** Waits for a Firestore call; rethrows the cause (a transition's own exception stays itself). */
    static <T> T await(ApiFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Firestore", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof ExecutionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Firestore call failed", cause);
        }
    }
}

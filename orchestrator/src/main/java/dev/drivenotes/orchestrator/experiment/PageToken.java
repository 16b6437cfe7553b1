package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of experiments ended: the last experiment's creation time and id. Opaque to clients
 * (base64url of {@code epochSecond.nano:id}); the next page starts strictly after it in the
 * newest-first order, so experiments created meanwhile never shift a page.
 */
record PageToken(Instant createdAt, String id) {

    static final int MAX_CHARS = 512;

    String encode() {
        String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidInputException naming {@code pageToken} for anything {@link #encode} did not make */
    static PageToken decode(String token) {
        if (token.length() > MAX_CHARS) {
            throw invalid();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            int dot = raw.indexOf('.');
            if (dot < 1 || colon < dot || colon == raw.length() - 1) {
                throw invalid();
            }
            Instant at = Instant.ofEpochSecond(
                    Long.parseLong(raw.substring(0, dot)), Long.parseLong(raw.substring(dot + 1, colon)));
            return new PageToken(at, raw.substring(colon + 1));
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("pageToken", "is not a token a previous page returned");
    }
}

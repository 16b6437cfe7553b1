package dev.drivenotes.platform.gcp.trace;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The headers of each OTLP export to Cloud Trace: a current OAuth access token (refreshed when it
 * expires) and the project the spans belong to. The credentials are looked up on the first export,
 * not at start-up.
 */
final class CloudTraceHeaders implements Supplier<Map<String, String>> {

    private final Supplier<GoogleCredentials> lookup;
    private final String projectId;
    private GoogleCredentials credentials;

    CloudTraceHeaders(Supplier<GoogleCredentials> lookup, String projectId) {
        this.lookup = lookup;
        this.projectId = projectId;
    }

    @Override
    public synchronized Map<String, String> get() {
        if (credentials == null) {
            credentials = lookup.get();
        }
        try {
            credentials.refreshIfExpired();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the credentials for Cloud Trace", e);
        }
        return Map.of(
                "Authorization",
                "Bearer " + credentials.getAccessToken().getTokenValue(),
                "x-goog-user-project",
                projectId);
    }
}

package dev.drivenotes.platform.gcp.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CloudTraceHeadersTest {

    @Test
    void sendsTheCurrentAccessTokenAndTheProjectAndLooksTheCredentialsUpOnce() {
        AtomicInteger lookups = new AtomicInteger();
        GoogleCredentials token = GoogleCredentials.create(
                new AccessToken("token-1", Date.from(Instant.now().plusSeconds(3600))));
        CloudTraceHeaders headers = new CloudTraceHeaders(
                () -> {
                    lookups.incrementAndGet();
                    return token;
                },
                "drivenotes-prod");

        assertThat(lookups).hasValue(0);
        assertThat(headers.get())
                .containsEntry("Authorization", "Bearer token-1")
                .containsEntry("x-goog-user-project", "drivenotes-prod");
        headers.get();
        assertThat(lookups).hasValue(1);
    }
}

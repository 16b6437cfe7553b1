package dev.drivenotes.platform.gcp.security;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code gcp}: REST calls to {@code *.googleapis.com} (the orchestrator's predict calls to
 * a Vertex AI endpoint) carry an OAuth access token of the service's own credentials (Application
 * Default Credentials: the Cloud Run service account). Calls to other hosts are untouched.
 */
@AutoConfiguration
@Profile("gcp")
public class GoogleApiAuthAutoConfiguration {

    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

    /** Loaded on the first Google API call, then refreshed when expired. */
    private static volatile GoogleCredentials credentials;

    @Bean
    RestClientCustomizer googleApiAccessTokens() {
        return builder -> builder.requestInterceptor((request, body, execution) -> {
            String host = request.getURI().getHost();
            if (host != null && host.endsWith(".googleapis.com")) {
                request.getHeaders().setBearerAuth(accessToken());
            }
            return execution.execute(request, body);
        });
    }

    static String accessToken() {
        try {
            GoogleCredentials c = credentials;
            if (c == null) {
                c = GoogleCredentials.getApplicationDefault().createScoped(CLOUD_PLATFORM);
                credentials = c;
            }
            c.refreshIfExpired();
            return c.getAccessToken().getTokenValue();
        } catch (IOException e) {
            throw new UncheckedIOException("no Google credentials for calling a Google API", e);
        }
    }
}

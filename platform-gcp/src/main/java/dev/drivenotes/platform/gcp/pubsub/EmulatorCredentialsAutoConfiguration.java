package dev.drivenotes.platform.gcp.pubsub;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code gcp} or {@code pubsub} against the Pub/Sub emulator: the emulator takes no credentials, so never
 * look for Application Default Credentials (replaces Spring Cloud GCP's default provider).
 */
@AutoConfiguration(beforeName = "com.google.cloud.spring.autoconfigure.core.GcpContextAutoConfiguration")
@Profile({"gcp", "pubsub"})
@ConditionalOnProperty("spring.cloud.gcp.pubsub.emulator-host")
public class EmulatorCredentialsAutoConfiguration {

    @Bean
    CredentialsProvider googleCredentials() {
        return NoCredentialsProvider.create();
    }
}

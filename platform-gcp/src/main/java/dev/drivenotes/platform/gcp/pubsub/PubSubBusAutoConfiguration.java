package dev.drivenotes.platform.gcp.pubsub;

import com.google.cloud.spring.core.GcpProjectIdProvider;
import com.google.cloud.spring.pubsub.PubSubAdmin;
import com.google.cloud.spring.pubsub.core.PubSubTemplate;
import dev.drivenotes.platform.PlatformAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code gcp} or {@code pubsub} (the bus alone): the Pub/Sub event bus replaces the
 * in-process one. Spring Cloud GCP's
 * auto-configuration provides the {@link PubSubTemplate} (set {@code
 * spring.cloud.gcp.pubsub.publisher.enable-message-ordering=true}); with {@code
 * spring.cloud.gcp.pubsub.emulator-host} set, no Google credentials are needed or looked for.
 */
@AutoConfiguration(
        before = PlatformAutoConfiguration.class,
        afterName = "com.google.cloud.spring.autoconfigure.pubsub.GcpPubSubAutoConfiguration")
@Profile({"gcp", "pubsub"})
@EnableConfigurationProperties(PubSubBusProperties.class)
public class PubSubBusAutoConfiguration {

    @Bean
    PubSubEventBus pubSubEventBus(
            PubSubTemplate pubSub,
            PubSubAdmin admin,
            GcpProjectIdProvider projectId,
            PubSubBusProperties properties,
            @Value("${spring.cloud.gcp.pubsub.emulator-host:}") String emulatorHost) {
        PubSubResources resources = properties.createResources()
                ? new PubSubResources(admin, projectId.getProjectId(), properties.maxDeliveryAttempts())
                : null;
        return new PubSubEventBus(
                pubSub, resources, properties.maxDeliveryAttempts(), properties.streamingPull(!emulatorHost.isBlank()));
    }
}

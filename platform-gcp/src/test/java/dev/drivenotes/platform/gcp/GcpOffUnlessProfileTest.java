package dev.drivenotes.platform.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.platform.events.InProcessEventBus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

class GcpOffUnlessProfileTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AnyService {}

    @TempDir
    Path data;

    @Test
    void localDefaultStartsWithTheInProcessBusAndNoGoogleClients() {
        SpringApplication app = new SpringApplication(AnyService.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context =
                app.run("--spring.config.name=none", "--drivenotes.data-dir=" + data)) {
            assertThat(context.getBean(EventPublisher.class)).isInstanceOf(InProcessEventBus.class);
            assertThat(context.getBeanNamesForType(com.google.cloud.spring.core.GcpProjectIdProvider.class))
                    .isEmpty();
            assertThat(context.getBeanNamesForType(com.google.cloud.storage.Storage.class))
                    .isEmpty();
        }
    }

    @Test
    void gcpProfileLeavesPubSubOnButGoogleClientAutoConfigurationsOff() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("gcp");
        new GcpOffUnlessProfile().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.gcp.pubsub.enabled")).isNull();
        assertThat(environment.getProperty("spring.cloud.gcp.firestore.enabled"))
                .isEqualTo("false");
        assertThat(environment.getProperty("spring.cloud.gcp.storage.enabled")).isEqualTo("false");
    }

    @Test
    void pubsubProfileTurnsOnPubSubAndLeavesTheOtherGoogleClientsOff() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(GcpOffUnlessProfile.PUBSUB_ONLY_PROFILE);
        new GcpOffUnlessProfile().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.gcp.core.enabled")).isNull();
        assertThat(environment.getProperty("spring.cloud.gcp.pubsub.enabled")).isNull();
        assertThat(environment.getProperty("spring.cloud.gcp.firestore.enabled"))
                .isEqualTo("false");
        assertThat(environment.getProperty("spring.cloud.gcp.bigquery.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.cloud.gcp.storage.enabled")).isEqualTo("false");
    }

    @Test
    void explicitSettingsWin() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.cloud.gcp.core.enabled", "true");
        new GcpOffUnlessProfile().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.gcp.core.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.cloud.gcp.pubsub.enabled")).isEqualTo("false");
    }
}

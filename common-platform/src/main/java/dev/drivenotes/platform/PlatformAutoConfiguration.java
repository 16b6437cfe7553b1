package dev.drivenotes.platform;

import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.events.InProcessEventBus;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The local defaults every service gets unless it (or the launcher) defines its own: in-process
 * event bus and local-folder artifact store.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(EventPublisher.class)
    InProcessEventBus inProcessEventBus() {
        return new InProcessEventBus();
    }

    @Bean
    @ConditionalOnMissingBean
    ArtifactStore artifactStore(PlatformProperties properties) {
        return new LocalFolderArtifactStore(properties.dataDir().resolve("artifacts"));
    }
}

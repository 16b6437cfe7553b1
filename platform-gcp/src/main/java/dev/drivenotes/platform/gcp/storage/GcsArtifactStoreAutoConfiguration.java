package dev.drivenotes.platform.gcp.storage;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.PlatformAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/** Profile {@code gcp} with a bucket configured: artifacts go to Cloud Storage. */
@AutoConfiguration(before = PlatformAutoConfiguration.class)
@Profile("gcp")
@ConditionalOnProperty("drivenotes.gcp.storage.artifacts-bucket")
@EnableConfigurationProperties(GcsProperties.class)
public class GcsArtifactStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Storage googleCloudStorage() {
        return StorageOptions.getDefaultInstance().getService();
    }

    @Bean
    ArtifactStore gcsArtifactStore(Storage storage, GcsProperties properties) {
        return new GcsArtifactStore(storage, properties.artifactsBucket());
    }
}

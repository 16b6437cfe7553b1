package dev.drivenotes.reporter.api;

import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.reporter.store.DuckDbMetricsSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The local artifact store and DuckDB sink in a fresh temporary folder, for API slice tests. */
@TestConfiguration(proxyBeanMethods = false)
class LocalAdapters {

    private final Path dir;

    LocalAdapters() throws IOException {
        dir = Files.createTempDirectory("reporter-api-test");
    }

    @Bean
    ArtifactStore artifactStore() {
        return new LocalFolderArtifactStore(dir.resolve("artifacts"));
    }

    @Bean(destroyMethod = "close")
    DuckDbMetricsSink metricsSink() {
        return new DuckDbMetricsSink(dir.resolve("reporter.duckdb"));
    }
}

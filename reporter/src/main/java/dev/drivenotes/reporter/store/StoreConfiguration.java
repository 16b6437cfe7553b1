package dev.drivenotes.reporter.store;

import dev.drivenotes.platform.PlatformProperties;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The local metrics sink: {@code ${drivenotes.data-dir}/reporter/drivenotes.duckdb}. Not under
 * profile {@code gcp}, where an instance's disk is no place for state (see {@code
 * BigQuerySinkConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!gcp")
class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean(destroyMethod = "close")
    DuckDbMetricsSink duckDbMetricsSink(PlatformProperties properties) {
        Path file = properties.dataDir().resolve("reporter").resolve("drivenotes.duckdb");
        log.info("metrics sink: DuckDB at {}", file.toAbsolutePath());
        return new DuckDbMetricsSink(file);
    }
}

package dev.drivenotes.platform.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The metrics, tracing and logging settings every service shares ({@value #RESOURCE}), added as
 * the lowest-precedence source: a service's own properties file, its profile or the command line
 * still win. Under the {@code gcp} profile the console logs in Cloud Logging's JSON ({@link
 * CloudLoggingFormat}).
 */
public final class ObservabilityDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "META-INF/drivenotes/observability.properties";
    static final String SOURCE = "drivenotesObservabilityDefaults";
    static final String GCP_SOURCE = "drivenotesObservabilityGcpDefaults";
    static final String GCP_PROFILE = "gcp";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles(GCP_PROFILE)) {
            // Cloud Run and the Ops Agent read Cloud Logging's JSON from stdout
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            GCP_SOURCE,
                            Map.of("logging.structured.format.console", CloudLoggingFormat.class.getName())));
        }
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(SOURCE, new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the class path", e);
        }
    }

    @Override
    public int getOrder() {
        // after the config data (and so the active profiles) are known
        return Ordered.LOWEST_PRECEDENCE;
    }
}

package dev.drivenotes.platform.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The metrics, tracing and logging settings every service shares ({@value #RESOURCE}), added as
 * the lowest-precedence source: a service's own properties file, its profile or the command line
 * still win.
 */
public final class ObservabilityDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "META-INF/drivenotes/observability.properties";
    static final String SOURCE = "drivenotesObservabilityDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
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
        return Ordered.LOWEST_PRECEDENCE;
    }
}

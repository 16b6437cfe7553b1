package dev.drivenotes.platform;

import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.events.EventSubscriptionsHealth;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.events.InProcessEventBus;
import dev.drivenotes.platform.events.SubscriptionStatuses;
import dev.drivenotes.platform.observability.LogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The local defaults every service gets unless it (or the launcher) defines its own: the durable
 * in-process event bus and the local-folder artifact store; and the health of the event
 * subscriptions, whichever bus runs.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

    private static final String APPLICATION_NAME = "spring.application.name";

    /** The durable in-process bus in {@code ${drivenotes.data-dir}/events}. */
    @Bean
    @ConditionalOnMissingBean(EventPublisher.class)
    InProcessEventBus inProcessEventBus(PlatformProperties properties) {
        return InProcessEventBus.open(properties.dataDir().resolve("events"));
    }

    /** Health component {@code eventSubscriptions}: one indicator per subscription of whichever bus runs. */
    @Bean
    EventSubscriptionsHealth eventSubscriptionsHealthContributor(ObjectProvider<SubscriptionStatuses> buses) {
        return new EventSubscriptionsHealth(buses);
    }

    /** Event meters and trace context, in this service's registry and tracer (none where absent). */
    @Bean
    @ConditionalOnMissingBean
    EventTelemetry eventTelemetry(
            Environment environment,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new EventTelemetry(
                environment.getProperty(APPLICATION_NAME, "drivenotes"),
                meters.getIfAvailable(CompositeMeterRegistry::new),
                tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** The service's name in the logging MDC of every request it serves. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<LogContext> logContextFilter(Environment environment) {
        FilterRegistrationBean<LogContext> registration =
                new FilterRegistrationBean<>(new LogContext(environment.getProperty(APPLICATION_NAME, "drivenotes")));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    ArtifactStore artifactStore(PlatformProperties properties) {
        return new LocalFolderArtifactStore(properties.dataDir().resolve("artifacts"));
    }
}

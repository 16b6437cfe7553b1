package dev.drivenotes.reporter.ingest;

import dev.drivenotes.model.port.EventSubscriber;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.events.SubscriptionLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subscribes the reporter to the event stream while the application runs. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    static final String SUBSCRIPTION = "reporter";

    @Bean
    SubscriptionLifecycle reporterSubscription(
            EventSubscriber subscriber, ReporterEventHandler handler, EventTelemetry telemetry) {
        return new SubscriptionLifecycle(subscriber, SUBSCRIPTION, telemetry.handler(SUBSCRIPTION, handler), 1);
    }
}

package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.event.ReportPublished;
import dev.drivenotes.model.port.EventSubscriber;
import dev.drivenotes.orchestrator.OrchestratorProperties;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.events.SubscriptionLifecycle;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Local wiring: the embedded state store, the clock, the report subscription, resume on start. */
@Configuration(proxyBeanMethods = false)
class ExperimentConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    ExperimentStore experimentStore(PlatformProperties platform) {
        return new LocalExperimentStore(
                platform.dataDir().resolve("orchestrator").resolve("experiments"));
    }

    /** Listens for reports so that an experiment's view carries its report URI. */
    @Bean
    SubscriptionLifecycle orchestratorSubscription(
            EventSubscriber subscriber, ExperimentService experiments, EventTelemetry telemetry) {
        String subscription = "orchestrator";
        return new SubscriptionLifecycle(subscriber, subscription, telemetry.handler(subscription, event -> {
            if (event.payload() instanceof ReportPublished report) {
                experiments.reportPublished(report.experimentId(), report.jsonUri());
            }
        }));
    }

    @Bean
    Resumer resumer(ExperimentService experiments, OrchestratorProperties properties) {
        return new Resumer(experiments, properties.resumeOnStartup());
    }

    /** Resumes unfinished experiments once the app is ready to serve. */
    record Resumer(ExperimentService experiments, boolean enabled) {
        @EventListener(ApplicationReadyEvent.class)
        public void onReady() {
            if (enabled) {
                experiments.resumeUnfinished();
            }
        }
    }
}

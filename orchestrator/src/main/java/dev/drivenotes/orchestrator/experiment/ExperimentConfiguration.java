package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EpisodeFailed;
import dev.drivenotes.model.event.ReportPublished;
import dev.drivenotes.model.event.RunnerProgress;
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

/** Local wiring: the embedded state store, the clock, the event subscription, resume on start. */
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

    /**
     * Listens for the runners' outcomes (recorded by episode index; the last completes the
     * experiment), their progress, and for reports so that an experiment's view carries its report
     * URI.
     */
    @Bean
    SubscriptionLifecycle orchestratorSubscription(
            EventSubscriber subscriber, ExperimentService experiments, EventTelemetry telemetry) {
        String subscription = "orchestrator";
        return new SubscriptionLifecycle(
                subscriber,
                subscription,
                telemetry.handler(subscription, event -> {
                    switch (event.payload()) {
                        case EpisodeCompleted episode -> experiments.episodeCompleted(episode);
                        case EpisodeFailed failed -> experiments.episodeFailed(failed);
                        case RunnerProgress progress -> experiments.progressed(progress);
                        case ReportPublished report ->
                            experiments.reportPublished(report.experimentId(), report.jsonUri());
                        default -> {
                            // the other events are this service's own or the reporter's business
                        }
                    }
                }),
                1);
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

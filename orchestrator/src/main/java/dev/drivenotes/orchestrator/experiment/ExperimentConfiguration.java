package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.orchestrator.OrchestratorProperties;
import dev.drivenotes.platform.PlatformProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Local wiring: the embedded state store under the data folder, the clock, resume on start. */
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

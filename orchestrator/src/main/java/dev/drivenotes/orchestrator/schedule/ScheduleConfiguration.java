package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.platform.PlatformProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Local wiring: schedule slots under the data folder (Firestore replaces it under profile gcp). */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean
    @Profile("!gcp")
    @ConditionalOnMissingBean
    ScheduleRuns localScheduleRuns(PlatformProperties platform) {
        return new LocalScheduleRuns(platform.dataDir().resolve("orchestrator").resolve("schedule-runs"));
    }
}

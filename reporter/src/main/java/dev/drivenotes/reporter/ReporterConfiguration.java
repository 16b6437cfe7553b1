package dev.drivenotes.reporter;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by the reporter's features. */
@Configuration(proxyBeanMethods = false)
class ReporterConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package dev.drivenotes.dreamer.serving;

import dev.drivenotes.dreamer.policy.AutopilotPolicy;
import dev.drivenotes.dreamer.policy.Policy;
import dev.drivenotes.dreamer.policy.PolicyCatalog;
import dev.drivenotes.dreamer.policy.RandomPolicy;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The policies this service serves; the learned {@code dreamer} joins when a checkpoint is found. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DreamerProperties.class)
@Import(DreamerPolicyConfiguration.class)
class PolicyConfiguration {

    @Bean
    AutopilotPolicy autopilotPolicy(DreamerProperties properties) {
        return new AutopilotPolicy(properties.stepSeconds(), properties.sessionLimits());
    }

    @Bean
    RandomPolicy randomPolicy(DreamerProperties properties) {
        return new RandomPolicy(properties.randomSeed(), properties.sessionLimits());
    }

    @Bean
    PolicyCatalog policyCatalog(List<Policy> policies, DreamerProperties properties) {
        return new PolicyCatalog(policies, properties.defaultPolicy());
    }
}

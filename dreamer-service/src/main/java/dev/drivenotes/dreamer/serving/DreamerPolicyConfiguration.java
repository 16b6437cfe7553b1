package dev.drivenotes.dreamer.serving;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.model.DreamerAgent;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The {@code dreamer} policy, present when a checkpoint can be found: {@code
 * drivenotes.dreamer.checkpoint}, else {@code AIP_STORAGE_URI}, else the bundled one. Loaded once
 * at start.
 */
@Configuration(proxyBeanMethods = false)
class DreamerPolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DreamerPolicyConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(CheckpointAvailable.class)
    NDManager dreamerManager() {
        return Djl.newManager();
    }

    @Bean
    @Conditional(CheckpointAvailable.class)
    DreamerPolicy dreamerPolicy(NDManager dreamerManager, DreamerProperties properties) {
        String location = location(properties.checkpoint(), System.getenv("AIP_STORAGE_URI"));
        Checkpoint checkpoint = Checkpoint.open(dreamerManager, location);
        log.info(
                "dreamer checkpoint {} loaded ({} preset, {} env steps)",
                location == null ? "bundled" : location,
                checkpoint.meta().config().preset(),
                checkpoint.meta().envSteps());
        DreamerAgent agent = new DreamerAgent(checkpoint.nets(), dreamerManager, properties.predictors());
        return new DreamerPolicy(
                agent,
                new CarryCache(
                        properties.maxSessions(),
                        TimeUnit.SECONDS.toNanos(properties.sessionTtlSeconds()),
                        System::nanoTime));
    }

    static String location(String configured, String aipStorageUri) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (aipStorageUri != null && !aipStorageUri.isBlank()) {
            return aipStorageUri;
        }
        return null;
    }

    /** A checkpoint is configured or bundled. */
    static final class CheckpointAvailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String configured = context.getEnvironment().getProperty("drivenotes.dreamer.checkpoint");
            return location(configured, context.getEnvironment().getProperty("AIP_STORAGE_URI")) != null
                    || Checkpoint.bundled();
        }
    }
}

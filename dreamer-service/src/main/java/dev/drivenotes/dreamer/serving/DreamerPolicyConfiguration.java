package dev.drivenotes.dreamer.serving;

import ai.djl.ndarray.NDManager;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.CheckpointMeta;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.policy.DreamerPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The {@code dreamer} policy, present when a checkpoint can be found: {@code
 * drivenotes.dreamer.checkpoint}, else {@code AIP_STORAGE_URI} (a local folder, {@code file:} URI or
 * {@code gs://bucket/prefix}), else the bundled one. Loaded once at start; a configured checkpoint
 * that cannot be loaded stops the start. A {@code gs://} location is read with the application's
 * {@link Storage} bean when there is one, else with a client on Application Default Credentials.
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
    Checkpoint dreamerCheckpoint(
            NDManager dreamerManager,
            DreamerProperties properties,
            Environment environment,
            ObjectProvider<Storage> storage) {
        CheckpointLoader.Source source = CheckpointLoader.locate(
                properties.checkpoint(), environment.getProperty(CheckpointLoader.AIP_STORAGE_URI));
        CheckpointLoader loader = new CheckpointLoader(() ->
                storage.getIfAvailable(() -> StorageOptions.getDefaultInstance().getService()));
        Checkpoint checkpoint = loader.load(dreamerManager, source);
        log.info(
                "dreamer checkpoint {} loaded ({} preset, {} env steps): model version {}",
                source == null ? "bundled" : source,
                checkpoint.meta().config().preset(),
                checkpoint.meta().envSteps(),
                CheckpointLoader.modelVersion(checkpoint));
        return checkpoint;
    }

    @Bean
    @Conditional(CheckpointAvailable.class)
    DreamerPolicy dreamerPolicy(NDManager dreamerManager, Checkpoint dreamerCheckpoint, DreamerProperties properties) {
        DreamerAgent agent = new DreamerAgent(dreamerCheckpoint.nets(), dreamerManager, properties.predictors());
        CheckpointMeta meta = dreamerCheckpoint.meta();
        if (!meta.config().narrates()) {
            log.warn("the dreamer checkpoint has no narration head: dreamer declares its maneuvers with the"
                    + " plan rule (predict responses say narrator \"rule\")");
        } else if (meta.narrationTemperature() == null) {
            log.warn("the dreamer checkpoint's narration temperature was never fitted (drivenotes calibrate):"
                    + " its confidences are the head's uncalibrated probabilities");
        }
        return new DreamerPolicy(
                agent,
                properties.sessionLimits(),
                meta.servedNarrationTemperature(),
                CheckpointLoader.modelVersion(dreamerCheckpoint));
    }

    /** A checkpoint is configured or bundled. */
    static final class CheckpointAvailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return CheckpointLoader.locate(
                                    environment.getProperty(CheckpointLoader.PROPERTY),
                                    environment.getProperty(CheckpointLoader.AIP_STORAGE_URI))
                            != null
                    || Checkpoint.bundled();
        }
    }
}

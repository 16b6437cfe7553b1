package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.model.experiment.ExperimentConfig;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The named schedules and who may trigger them.
 *
 * @param definitions schedule name → the experiment it starts ({@code
 *     drivenotes.schedules.definitions.daily.episodes=4}); the experiment is named {@code
 *     <config name>-<date>}
 * @param idToken the caller check; off (local default) unless an audience is set
 */
@ConfigurationProperties("drivenotes.schedules")
public record ScheduleProperties(
        Map<String, ExperimentConfig> definitions,
        @DefaultValue IdToken idToken) {

    public ScheduleProperties {
        definitions = definitions == null ? Map.of() : Map.copyOf(definitions);
    }

    /**
     * Google-signed ID tokens (Cloud Scheduler's OIDC token).
     *
     * @param audience expected {@code aud} (the orchestrator's URL); blank turns the check off
     * @param serviceAccountEmail the only caller admitted (the scheduler's service account)
     * @param jwkSetUri where the signing keys are (Google's; tests use their own)
     */
    public record IdToken(
            String audience,
            String serviceAccountEmail,

            @DefaultValue("https://www.googleapis.com/oauth2/v3/certs")
            URI jwkSetUri) {
        public boolean enabled() {
            return audience != null && !audience.isBlank();
        }
    }
}

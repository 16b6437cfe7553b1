package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.model.InvalidInputException;
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
 * @param matrices schedule name → the agents × conditions × maps it runs ({@link ScheduleMatrix}),
 *     every cell its own experiment; a name is either a definition or a matrix
 * @param idToken the caller check; off (local default) unless an audience is set
 */
@ConfigurationProperties("drivenotes.schedules")
public record ScheduleProperties(
        Map<String, ExperimentConfig> definitions,
        Map<String, ScheduleMatrix> matrices,
        @DefaultValue IdToken idToken) {

    public ScheduleProperties {
        definitions = definitions == null ? Map.of() : Map.copyOf(definitions);
        matrices = matrices == null ? Map.of() : Map.copyOf(matrices);
        for (Map.Entry<String, ScheduleMatrix> m : matrices.entrySet()) {
            m.getValue().cells(); // every cell's config checked at start, not at the first trigger
            String name = m.getKey();
            if (definitions.containsKey(name)) {
                throw new InvalidInputException(
                        "drivenotes.schedules.matrices." + name,
                        "is also a definition; a schedule is one or the other");
            }
        }
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

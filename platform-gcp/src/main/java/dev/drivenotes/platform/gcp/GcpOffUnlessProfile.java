package dev.drivenotes.platform.gcp;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps Spring Cloud GCP's auto-configuration off unless the {@code gcp} profile (everything on
 * Google Cloud) or the {@code pubsub} profile (only the Pub/Sub event bus, e.g. over the emulator;
 * state, metrics and artifacts stay local) is active, so the local default never looks for Google credentials, a project id or the metadata server. Its
 * Firestore, BigQuery and Storage auto-configurations stay off in every profile: those clients are
 * built by DriveNotes' own configuration (they would otherwise switch on merely because the client
 * libraries are on the classpath). Added as the lowest-precedence source, so an explicit {@code
 * spring.cloud.gcp.*.enabled} still wins.
 */
public final class GcpOffUnlessProfile implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "gcp";

    /** Only the Pub/Sub event bus; every other adapter stays local. */
    public static final String PUBSUB_ONLY_PROFILE = "pubsub";

    static final String SOURCE = "drivenotesGcpOffUnlessProfile";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>(Map.of(
                "spring.cloud.gcp.firestore.enabled", "false",
                "spring.cloud.gcp.bigquery.enabled", "false",
                "spring.cloud.gcp.storage.enabled", "false",
                "spring.cloud.gcp.datastore.enabled", "false"));
        List<String> active = Arrays.asList(environment.getActiveProfiles());
        if (!active.contains(PROFILE) && !active.contains(PUBSUB_ONLY_PROFILE)) {
            defaults.putAll(Map.of(
                    "spring.cloud.gcp.core.enabled", "false",
                    "spring.cloud.gcp.pubsub.enabled", "false",
                    "spring.cloud.gcp.pubsub.health.enabled", "false"));
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    @Override
    public int getOrder() {
        // after the config data (and so the active profiles) are known
        return Ordered.LOWEST_PRECEDENCE;
    }
}

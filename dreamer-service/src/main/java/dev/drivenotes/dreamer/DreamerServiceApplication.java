package dev.drivenotes.dreamer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Policy inference behind the Vertex AI custom-container contract: {@code POST /v1/predict} and
 * {@code GET /v1/health}, on the port and routes of {@code AIP_HTTP_PORT}, {@code
 * AIP_PREDICT_ROUTE} and {@code AIP_HEALTH_ROUTE} when set.
 */
@SpringBootApplication
public class DreamerServiceApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(DreamerServiceApplication.class)
                .properties("spring.config.name=dreamer-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

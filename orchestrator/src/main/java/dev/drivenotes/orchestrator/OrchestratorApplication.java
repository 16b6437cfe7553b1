package dev.drivenotes.orchestrator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Experiment lifecycle: accepts experiments, drives their episodes, tracks their state. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrchestratorApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(OrchestratorApplication.class)
                .properties("spring.config.name=orchestrator");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

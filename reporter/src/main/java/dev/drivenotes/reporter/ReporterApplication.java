package dev.drivenotes.reporter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The reporter: writes and scores driving notes for every completed episode, stores notes and
 * metrics, and writes each experiment's report.
 */
@SpringBootApplication
public class ReporterApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ReporterApplication.class).properties("spring.config.name=reporter");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

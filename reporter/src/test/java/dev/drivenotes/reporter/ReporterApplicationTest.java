package dev.drivenotes.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.port.EventSubscriber;
import dev.drivenotes.reporter.store.MetricsSink;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

class ReporterApplicationTest {

    @TempDir
    Path dir;

    @Test
    void startsWithItsOwnConfigSubscribesAndOpensTheDuckDbFileUnderTheDataDir() {
        try (ConfigurableApplicationContext context =
                ReporterApplication.builder().web(WebApplicationType.NONE).run("--drivenotes.data-dir=" + dir)) {
            assertThat(context.getEnvironment().getProperty("spring.application.name"))
                    .isEqualTo("reporter");
            assertThat(context.getEnvironment().getProperty("server.port")).isEqualTo("8083");
            assertThat(context.getBean(MetricsSink.class).experiment("none")).isEmpty();
            assertThat(Files.exists(dir.resolve("reporter/drivenotes.duckdb"))).isTrue();
            EventSubscriber bus = context.getBean(EventSubscriber.class);
            assertThat(bus).isNotNull();
            assertThat(context.getBean(dev.drivenotes.platform.events.SubscriptionLifecycle.class))
                    .satisfies(s -> {
                        assertThat(s.subscriptionName()).isEqualTo("reporter");
                        assertThat(s.isRunning()).isTrue();
                    });
        }
    }
}

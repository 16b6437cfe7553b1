package dev.drivenotes.orchestrator.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.orchestrator.OrchestratorApplication;
import dev.drivenotes.orchestrator.episode.FakeServices;
import dev.drivenotes.platform.web.WebProperties;
import dev.drivenotes.platform.web.testing.BadRequestRun;
import dev.drivenotes.platform.web.testing.ServiceSurfaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A few hundred hostile requests against the orchestrator on loopback (Spring Security's firewall
 * in front, carla-runner and dreamer-service faked): every one a 4xx problem, none a 5xx, and no
 * experiment accepted.
 */
@SpringBootTest(
        classes = OrchestratorApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=orchestrator")
class BadRequestCorpusTest {

    private static final FakeServices FAKE = start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("orchestrator-corpus");
        registry.add("drivenotes.data-dir", dir::toString);
        registry.add("drivenotes.services.carla-runner", () -> FAKE.uri().toString());
        registry.add("drivenotes.services.dreamer-service", () -> FAKE.uri().toString());
    }

    @AfterAll
    static void stopFakes() {
        FAKE.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    WebProperties web;

    @Autowired
    ExperimentStore store;

    @Test
    void answersEveryBadRequestWithAProblemAndNeverAServerError() {
        BadRequestRun.requireClean(ServiceSurfaces.ORCHESTRATOR, port, web, 19, 300);

        assertThat(store.all()).as("experiments a bad request started").isEmpty();
    }

    private static FakeServices start() {
        try {
            return new FakeServices();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.drivenotes.carla.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.CarlaRunnerApplication;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.carla.sim.embedded.EmbeddedSimulator;
import dev.drivenotes.platform.web.WebProperties;
import dev.drivenotes.platform.web.testing.BadRequestRun;
import dev.drivenotes.platform.web.testing.ServiceSurfaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A few hundred hostile requests against carla-runner on loopback: every one a 4xx problem, none a 5xx. */
@SpringBootTest(
        classes = CarlaRunnerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=carla-runner")
class BadRequestCorpusTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("carla-runner-corpus");
        registry.add("drivenotes.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebProperties web;

    @Autowired
    Simulator simulator;

    @Test
    void answersEveryBadRequestWithAProblemAndNeverAServerError() {
        BadRequestRun.requireClean(ServiceSurfaces.CARLA_RUNNER, port, web, 13, 300);

        assertThat(simulator)
                .isInstanceOfSatisfying(
                        EmbeddedSimulator.class,
                        embedded -> assertThat(embedded.liveCount())
                                .as("simulations a bad request created")
                                .isZero());
    }
}

package dev.drivenotes.reporter.api;

import dev.drivenotes.platform.web.WebProperties;
import dev.drivenotes.platform.web.testing.BadRequestRun;
import dev.drivenotes.platform.web.testing.ServiceSurfaces;
import dev.drivenotes.reporter.ReporterApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A few hundred hostile requests against the reporter on loopback: every one a 4xx problem, none a 5xx. */
@SpringBootTest(
        classes = ReporterApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=reporter")
class BadRequestCorpusTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("reporter-corpus");
        registry.add("drivenotes.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebProperties web;

    @Test
    void answersEveryBadRequestWithAProblemAndNeverAServerError() {
        BadRequestRun.requireClean(ServiceSurfaces.REPORTER, port, web, 11, 300);
    }
}

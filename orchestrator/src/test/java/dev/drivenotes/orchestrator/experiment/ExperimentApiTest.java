package dev.drivenotes.orchestrator.experiment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.orchestrator.clients.SimulatorClient;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.remote.TestRemoteCalls;
import dev.drivenotes.platform.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.client.RestClient;

/** The experiments API over the real service and store, without a Spring context. */
class ExperimentApiTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    @TempDir
    Path data;

    private ExperimentStore store;
    private ExperimentService service;
    private MockMvc mvc;

    @BeforeEach
    void start() {
        // nothing here calls another service: cancel only changes stored state
        URI nowhere = URI.create("http://127.0.0.1:9");
        PlatformProperties platform =
                new PlatformProperties(data, new PlatformProperties.Services(nowhere, nowhere, nowhere, nowhere));
        EventPublisher events = e -> CompletableFuture.completedFuture(null);
        SimulatorClient simulator = new SimulatorClient(RestClient.builder(), platform, TestRemoteCalls.fast());
        store = new LocalExperimentStore(data.resolve("experiments"));
        service = new ExperimentService(
                store, simulator, events, Clock.systemUTC(), EventTelemetry.none(), new SimpleMeterRegistry());
        mvc = MockMvcBuilders.standaloneSetup(new ExperimentController(service))
                .setControllerAdvice(new ProblemDetailsAdvice())
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        service.destroy();
    }

    @Test
    void cancelsARunningExperimentThenAnswersConflictForTheFinishedOne() throws Exception {
        store.create(Experiment.accepted(
                "exp-1", ExperimentConfigBuilder.experiment("api").episodes(2).build(), T0));
        store.update("exp-1", e -> e.running(T0));

        mvc.perform(post("/v1/experiments/exp-1:cancel"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("exp-1"))
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.failureReason").value("cancelled by operator"));
        mvc.perform(post("/v1/experiments/exp-1:cancel"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("experiment exp-1 is already CANCELLED"));
    }

    @Test
    void listsExperimentsNewestFirstInPages() throws Exception {
        for (int i = 0; i < 3; i++) {
            store.create(Experiment.accepted("exp-" + i, ExperimentConfig.of("api", 1), T0.plusSeconds(i)));
        }

        String token = mvc.perform(get("/v1/experiments").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.experiments[*].id").value(Matchers.contains("exp-2", "exp-1")))
                .andExpect(jsonPath("$.nextPageToken").isString())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll(".*\"nextPageToken\":\"([^\"]+)\".*", "$1");
        mvc.perform(get("/v1/experiments").param("limit", "2").param("pageToken", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.experiments[*].id").value(Matchers.contains("exp-0")))
                .andExpect(jsonPath("$.nextPageToken").value(Matchers.nullValue()));
        mvc.perform(get("/v1/experiments").param("limit", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("limit"));
    }

    @Test
    void answersNotFoundForAnUnknownExperiment() throws Exception {
        mvc.perform(post("/v1/experiments/exp-nope:cancel"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.resource").value("experiment"))
                .andExpect(jsonPath("$.id").value("exp-nope"));
    }
}

package dev.drivenotes.carla.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.drivenotes.carla.CarlaRunnerApplication;
import dev.drivenotes.carla.fake.FakeCarlaServer;
import dev.drivenotes.carla.fake.FakeSettings;
import dev.drivenotes.carla.fake.FakeTowns;
import dev.drivenotes.carla.fake.FakeWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** carla-runner wired with {@code drivenotes.simulator.backend=carla} against the protocol fake. */
@SpringBootTest(
        classes = CarlaRunnerApplication.class,
        properties = {"spring.config.name=carla-runner", "drivenotes.simulator.backend=carla"})
@AutoConfigureMockMvc
class CarlaBackendApiTest {

    static FakeTowns.Town town;
    static FakeWorld world;
    static FakeCarlaServer server;

    @DynamicPropertySource
    static void carla(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("carla-backend-api");
        town = FakeTowns.town(dir);
        world = town.world();
        server = FakeCarlaServer.start(world);
        registry.add("drivenotes.data-dir", dir::toString);
        registry.add("drivenotes.carla.host", () -> "127.0.0.1");
        registry.add("drivenotes.carla.port", server::port);
        registry.add("drivenotes.carla.call-timeout", () -> "3s");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void tellsItsBackendAndThatOneWorldRunsOneSimulation() throws Exception {
        mvc.perform(get("/v1/simulator"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.backend").value("carla"))
                .andExpect(jsonPath("$.maxLiveSimulations").value(1));
        mvc.perform(get("/v1/maps/summary").param("map", town.reference()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roads").isNumber());
    }

    @Test
    void aFailedServerAnswersTheStepWithABadGatewayProblemGivingTheReason() throws Exception {
        String create = """
                {"map":"%s","seed":3,"route":null,"maxSteps":50,"npcCount":2,"gnssNoiseM":1.0,"fixedDeltaSeconds":0.05,\
                "weather":"ClearNoon","birdEyeSizePx":0}""".formatted(town.reference());
        String location = mvc.perform(post("/v1/simulations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(create))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.map").value(town.reference()))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        world.failCall("tick_cue", "episode not ready");

        mvc.perform(post(location + "/step")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"control\":{\"steer\":0,\"throttle\":0.5,\"brake\":0}}"))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.title").value("Simulator failed"))
                .andExpect(jsonPath("$.detail").value(containsString("refused tick_cue: episode not ready")));
        mvc.perform(delete(location)).andExpect(status().isNoContent());

        assertThat(world.spawnedActors()).isEmpty();
        assertThat(world.settings()).isEqualTo(FakeSettings.DEFAULT);
    }
}

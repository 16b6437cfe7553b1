package dev.drivenotes.carla.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.carla.sim.embedded.EmbeddedSimulator;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.town.TownSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@WebMvcTest(controllers = {SimulationController.class, MapController.class})
class SimulationApiTest {

    @TestConfiguration
    static class RealSimulator {
        @Bean
        MapCatalog mapCatalog() throws Exception {
            Path dir = Files.createTempDirectory("carla-runner-api-test");
            TownGenerator town = new TownGenerator(TownSettings.DEFAULT);
            return new MapCatalog(Map.of("default-town", () -> town.writeTo(dir, "default-town")));
        }

        @Bean
        Simulator simulator(MapCatalog maps) {
            return new EmbeddedSimulator(maps);
        }

        @Bean
        SimpleMeterRegistry meters() {
            return new SimpleMeterRegistry();
        }
    }

    private static final String CREATE = """
            {"map":"default-town","seed":3,"route":null,"maxSteps":2,"npcCount":0,"gnssNoiseM":1.0,"fixedDeltaSeconds":0.05,\
            "weather":"ClearNoon","birdEyeSizePx":0}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    SimpleMeterRegistry meters;

    @Test
    void createsStepsReadsAndDeletesSimulation() throws Exception {
        MvcResult created = mvc.perform(post("/v1/simulations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/v1/simulations/sim-")))
                .andExpect(jsonPath("$.step").value(0))
                .andExpect(jsonPath("$.termination").value("RUNNING"))
                .andExpect(jsonPath("$.observation.routeWaypoints.length()").value(10))
                .andReturn();
        String location = created.getResponse().getHeader("Location");
        String step = "{\"control\":{\"steer\":0,\"throttle\":0.5,\"brake\":0}}";
        mvc.perform(post(location + "/step")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(step))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.step").value(1));
        mvc.perform(post(location + "/step")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(step))
                .andExpect(jsonPath("$.termination").value("MAX_STEPS"));
        mvc.perform(post(location + "/step")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(step))
                .andExpect(status().isConflict());
        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.step").value(2));
        // the refused third step was timed but is not a step taken
        assertThat(meters.get(SimulationController.STEPS).counter().count()).isEqualTo(2);
        assertThat(meters.get(SimulationController.STEP_LATENCY).timer().count())
                .isEqualTo(3);
        mvc.perform(delete(location)).andExpect(status().isNoContent());
        mvc.perform(get(location)).andExpect(status().isNotFound());
    }

    @Test
    void badRequestNamesTheField() throws Exception {
        mvc.perform(post("/v1/simulations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE.replace("\"maxSteps\":2", "\"maxSteps\":0")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("maxSteps"));
    }

    @Test
    void birdEyeRasterTravelsAsBase64WhenAsked() throws Exception {
        mvc.perform(post("/v1/simulations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE.replace("\"birdEyeSizePx\":0", "\"birdEyeSizePx\":64")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.observation.birdEye.sizePx").value(64))
                .andExpect(jsonPath("$.observation.birdEye.channels.length()").value(3))
                .andExpect(jsonPath("$.observation.birdEye.data").isString());
    }

    @Test
    void unknownSimulationIsNotFound() throws Exception {
        mvc.perform(get("/v1/simulations/sim-nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(delete("/v1/simulations/sim-nope")).andExpect(status().isNotFound());
    }

    @Test
    void unknownPlaceInRouteIsBadRequestOnRouteFrom() throws Exception {
        mvc.perform(post("/v1/simulations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE.replace(
                                "\"route\":null", "\"route\":{\"from\":\"Atlantis\",\"to\":\"City Hall\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("route.from"));
    }

    @Test
    void summarisesDefaultTownAndListsItsPlaces() throws Exception {
        mvc.perform(get("/v1/maps/summary").param("map", "default-town"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.map").value("default-town"))
                .andExpect(jsonPath("$.roads").value(85))
                .andExpect(jsonPath("$.junctions").value(12))
                .andExpect(jsonPath("$.drivingLanes").value(102))
                .andExpect(jsonPath("$.pois").value(10));
        mvc.perform(get("/v1/maps/places").param("map", "default-town"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.junctions.length()").value(12))
                .andExpect(jsonPath("$.junctions[0].legalManeuvers").isArray())
                .andExpect(jsonPath("$.pois[?(@.name == 'City Hall')]").exists());
    }

    @Test
    void plansTheRouteBetweenTwoPlacesOfAMap() throws Exception {
        mvc.perform(get("/v1/maps/route")
                        .param("map", "default-town")
                        .param("from", "City Hall")
                        .param("to", "Central Library"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.map").value("default-town"))
                .andExpect(jsonPath("$.route.start").value("City Hall"))
                .andExpect(jsonPath("$.route.destination").value("Central Library"))
                .andExpect(jsonPath("$.route.lengthM").isNumber())
                .andExpect(jsonPath("$.route.pois[-1]").value("Central Library"))
                .andExpect(jsonPath("$.points.length()").value(org.hamcrest.Matchers.greaterThan(1)));
    }

    @Test
    void routeToAnUnknownPlaceIsBadRequestNamingTheEnd() throws Exception {
        mvc.perform(get("/v1/maps/route")
                        .param("map", "default-town")
                        .param("from", "City Hall")
                        .param("to", "Atlantis"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("to"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'Atlantis'")));
        mvc.perform(get("/v1/maps/route").param("map", "default-town").param("to", "City Hall"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
    }

    @Test
    void badMapIsBadRequestOnMap() throws Exception {
        Path notXodr = Files.createTempFile("bad", ".xodr");
        Files.writeString(notXodr, "<html>nope</html>");
        mvc.perform(get("/v1/maps/summary").param("map", notXodr.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("map"));
        mvc.perform(get("/v1/maps/places").param("map", "no-such-map"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("map"));
        mvc.perform(get("/v1/maps/places"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("map"));
    }
}

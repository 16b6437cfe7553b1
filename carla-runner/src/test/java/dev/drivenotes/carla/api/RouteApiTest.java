package dev.drivenotes.carla.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.map.NamedPlace;
import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.RoutePath;
import dev.drivenotes.platform.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@WebMvcTest(controllers = {MapController.class, SimulationController.class})
@Import(SimulationApiTest.RealSimulator.class)
class RouteApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void drawsTheRouteASimulationBetweenTheSamePlacesDrives() throws Exception {
        List<NamedPlace> pois = places().pois();
        NamedPlace from = pois.get(0);
        NamedPlace to = pois.get(pois.size() - 1);

        RoutePath path = read(
                mvc.perform(get("/v1/maps/route")
                                .param("map", "default-town")
                                .param("from", from.name())
                                .param("to", to.name()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                RoutePath.class);
        String simulation = mvc.perform(post("/v1/simulations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"map":"default-town","seed":3,"route":{"from":"%s","to":"%s"},"maxSteps":2,\
                                "npcCount":0,"gnssNoiseM":1.0,"fixedDeltaSeconds":0.05,"weather":"ClearNoon",\
                                "birdEyeSizePx":0}""".formatted(from.name(), to.name())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode driven = Json.mapper().readTree(simulation).get("route");

        assertThat(path.route().lengthM()).isCloseTo(driven.get("lengthM").asDouble(), within(1e-6));
        assertThat(path.route().start()).isEqualTo(from.name());
        assertThat(path.route().destination()).isEqualTo(to.name());
        assertThat(near(path.points().getFirst(), from))
                .as("starts at %s", from.name())
                .isTrue();
        assertThat(near(path.points().getLast(), to))
                .as("ends at %s", to.name())
                .isTrue();
        double drawnM = 0;
        for (int i = 1; i < path.points().size(); i++) {
            MapPoint a = path.points().get(i - 1);
            MapPoint b = path.points().get(i);
            double stepM = Math.hypot(b.x() - a.x(), b.y() - a.y());
            assertThat(stepM).isLessThanOrEqualTo(MapController.SAMPLE_M + 1e-9);
            drawnM += stepM;
        }
        assertThat(drawnM)
                .as("the sampled line follows the route")
                .isCloseTo(path.route().lengthM(), within(0.02 * drawnM));
    }

    @Test
    void unknownOrMissingPlacesAreBadRequestsNamingTheField() throws Exception {
        List<NamedPlace> pois = places().pois();
        String poi = pois.getFirst().name();
        String other = pois.getLast().name();
        mvc.perform(get("/v1/maps/route")
                        .param("map", "default-town")
                        .param("from", "Atlantis")
                        .param("to", poi))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
        mvc.perform(get("/v1/maps/route").param("map", "default-town").param("from", poi))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("to"));
        mvc.perform(get("/v1/maps/route")
                        .param("map", "no-such-map")
                        .param("from", poi)
                        .param("to", other))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("map"));
    }

    private PlaceDirectory places() throws Exception {
        return read(
                mvc.perform(get("/v1/maps/places").param("map", "default-town"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                PlaceDirectory.class);
    }

    /** Within the place's footprint, or at most one lane beside it. */
    private static boolean near(MapPoint point, NamedPlace place) {
        return Math.hypot(
                        point.x() - place.center().x(),
                        point.y() - place.center().y())
                <= place.radiusM() + 4;
    }

    private static <T> T read(String json, Class<T> type) {
        return Json.mapper().readValue(json, type);
    }
}

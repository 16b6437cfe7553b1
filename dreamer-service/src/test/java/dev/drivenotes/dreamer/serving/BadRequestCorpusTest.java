package dev.drivenotes.dreamer.serving;

import static dev.drivenotes.dreamer.testing.TestObservations.cruising;
import static dev.drivenotes.dreamer.testing.TestObservations.straight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.dreamer.DreamerServiceApplication;
import dev.drivenotes.dreamer.model.Carry;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictParameters;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.model.sim.BirdEyeRaster;
import dev.drivenotes.model.sim.LeadVehicle;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.StopSignAhead;
import dev.drivenotes.model.sim.TrafficLightAhead;
import dev.drivenotes.model.sim.TrafficLightState;
import dev.drivenotes.model.testing.ObservationBuilder;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.platform.web.WebProperties;
import dev.drivenotes.platform.web.testing.BadRequestRun;
import dev.drivenotes.platform.web.testing.ServiceSurfaces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A few hundred hostile requests against dreamer-service on loopback: every one a 4xx problem,
 * none a 5xx; and the largest legitimate batch still fits its request size limit.
 */
@SpringBootTest(
        classes = DreamerServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=dreamer-service")
class BadRequestCorpusTest {

    @LocalServerPort
    int port;

    @Autowired
    WebProperties web;

    @Test
    void answersEveryBadRequestWithAProblemAndNeverAServerError() {
        BadRequestRun.requireClean(ServiceSurfaces.DREAMER_SERVICE, port, web, 17, 300);
    }

    /**
     * 64 instances (every episode one experiment drives at once), each with a 128 px raster, ten
     * waypoints, every optional sensor and the carry of a {@code medium} DreamerV3 model.
     */
    @Test
    void decidesTheLargestLegitimateBatchWithinTheLimit() throws Exception {
        String carry = new Carry(new float[512], new byte[32], 3).encode();
        assertThat(DreamerConfig.preset("medium").deter()).isEqualTo(512);
        Random random = new Random(5);
        List<PredictInstance> instances = new ArrayList<>();
        for (int i = 0; i < PredictRequest.MAX_INSTANCES; i++) {
            byte[] raster = new byte[3 * 128 * 128];
            random.nextBytes(raster);
            Observation observation = ObservationBuilder.from(cruising(7.5, straight(10), 850.25))
                    .nextPoi("Northern Harbour Ferry Terminal", 850.25)
                    .lead(new LeadVehicle(23.5, 6.25))
                    .trafficLight(new TrafficLightAhead(TrafficLightState.YELLOW, 41.75))
                    .stopSign(new StopSignAhead(55.5))
                    .birdEye(new BirdEyeRaster(128, 0.25, List.of("lanes", "route", "vehicles"), raster))
                    .build();
            instances.add(
                    new PredictInstance("exp-20261124-060000-0a1b2c3d-ep-" + (900 + i), observation, i == 0, carry));
        }
        byte[] body =
                Json.mapper().writeValueAsBytes(new PredictRequest(instances, new PredictParameters("autopilot")));

        assertThat((long) body.length).isLessThan(web.maxRequestSize().toBytes());
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/predict"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = Json.mapper().readTree(response.body());
        assertThat(answer.path("predictions").size()).isEqualTo(PredictRequest.MAX_INSTANCES);
        System.out.println("largest legitimate predict request: " + body.length + " bytes");
    }
}
